using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Diagnoses;
using CellTherapyCenter.Data.Patients;

namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>Small registry records for arranging tests.</summary>
public static class Arrange
{
    public static Patient Patient(string family = "Testova", string given = "Vera") => new()
    {
        FamilyName = family, GivenName = given, Sex = Sex.Female, DateOfBirth = new DateOnly(1965, 3, 14),
        Email = "vera.testova@example.invalid", Phone = "+381641234567",
        Pseudonym = "CTC-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(),
    };

    public static AlsfrsRAssessment Assessment(Guid patientId, DateOnly on, AlsfrsRResponses responses)
    {
        var a = new AlsfrsRAssessment { PatientId = patientId, AssessedOn = on, Rater = AssessmentRater.Clinician, Mode = AssessmentMode.InPerson };
        a.SetResponses(responses);
        return a;
    }

    public static Diagnosis Diagnosis(Guid patientId) => new()
    {
        PatientId = patientId, OnsetDate = new DateOnly(2024, 1, 10), OnsetSite = OnsetSite.UpperLimb,
        DiagnosisDate = new DateOnly(2024, 9, 1), ElEscorial = ElEscorialCategory.Probable, GoldCoastMet = true, TakesRiluzole = true,
    };

    /// <summary>A patient with a diagnosis and two complete assessments (44 then 40), saved.</summary>
    public static async Task<Guid> PatientWithHistoryAsync(RegistryAppFactory app, string family = "Testova")
    {
        return await app.WithDbAsync(async db =>
        {
            var p = Patient(family);
            db.Patients.Add(p);
            db.Diagnoses.Add(Diagnosis(p.Id));
            db.AlsfrsRAssessments.Add(Assessment(p.Id, new DateOnly(2025, 1, 10), AlsfrsRResponses.FromScores(4, 4, 4, 3, 3, 3, 3, 4, 4, 4, 4, 4)));
            db.AlsfrsRAssessments.Add(Assessment(p.Id, new DateOnly(2025, 6, 10), AlsfrsRResponses.FromScores(4, 4, 3, 2, 2, 3, 3, 3, 4, 4, 4, 4)));
            await db.SaveChangesAsync();
            return p.Id;
        });
    }
}

using CellTherapyCenter.Clinical.AdverseEvents;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.AdverseEvents;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Inquiries;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Data.Vitals;
using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Privacy;

/// <summary>A patient with a record of each kind, identifying text in every free-text field, a portal account and a request with a document.</summary>
public sealed record FullPatient(Guid Id, string FamilyName, string GivenName, string Email, string Phone, string Address, Guid InquiryId, byte[] Document);

public static class PrivacyArrange
{
    /// <summary>A name no other test uses: letters only, as names are.</summary>
    public static string UniqueName(string stem) =>
        stem + new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))).ToArray());

    public static async Task<FullPatient> FullPatientAsync(RegistryAppFactory app)
    {
        var family = UniqueName("Brisova");
        var given = UniqueName("Jelena");
        var email = $"{family.ToLowerInvariant()}@example.org";
        var phone = "+38164" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var address = UniqueName("Ulica ") + " 12, Beograd";
        var document = "%PDF-1.4\n% Brisova's MRI report\n"u8.ToArray();
        var inquiryId = Guid.CreateVersion7();
        Guid id;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var p = Arrange.Patient(family, given);
            p.Email = email;
            p.Phone = phone;
            p.Address = address;
            db.Patients.Add(p);
            db.Diagnoses.Add(Arrange.Diagnosis(p.Id));
            db.AlsfrsRAssessments.Add(Arrange.Assessment(p.Id, new DateOnly(2025, 1, 10), Clinical.Alsfrs.AlsfrsRResponses.FromScores(4, 4, 4, 3, 3, 3, 3, 4, 4, 4, 4, 4)));
            var voided = Arrange.Assessment(p.Id, new DateOnly(2025, 2, 10), Clinical.Alsfrs.AlsfrsRResponses.FromScores(4, 4, 4, 4, 3, 3, 3, 4, 4, 4, 4, 4));
            voided.Void($"typed for {given} by mistake", "test", DateTime.UtcNow);
            db.AlsfrsRAssessments.Add(voided);
            db.AlsfrsRAssessments.Add(Arrange.Assessment(p.Id, new DateOnly(2025, 9, 10), Clinical.Alsfrs.AlsfrsRResponses.FromScores(4, 4, 3, 2, 2, 3, 3, 3, 4, 4, 4, 4)));
            db.Consents.Add(new ConsentRecord { PatientId = p.Id, Kind = ConsentKind.HealthDataProcessing, Wording = "I agree to the processing of my health data.", GivenAt = DateTime.UtcNow.AddYears(-1) });
            var course = new TreatmentCourse { PatientId = p.Id, Number = 1, StartDate = new DateOnly(2025, 2, 1), Notes = $"{given} {family} came with her husband" };
            db.TreatmentCourses.Add(course);
            db.Transplantations.Add(new Transplantation { TreatmentCourseId = course.Id, PatientId = p.Id, Date = new DateOnly(2025, 2, 2), CellProductLot = "LOT-2025-001", SuspensionCount = 1, VolumeMl = 10m, Route = AdministrationRoute.IntravenousDrip });
            var visit = new Visit { PatientId = p.Id, Date = new DateOnly(2025, 5, 1), Kind = VisitKind.FollowUp, TreatmentCourseId = course.Id, FvcPercentPredicted = 81, WeightKg = 63, Notes = $"Call {given} at {phone}" };
            db.Visits.Add(visit);
            db.SymptomObservations.Add(new SymptomObservation { VisitId = visit.Id, PatientId = p.Id, Symptom = AlsSymptom.Weakness, Severity = SymptomSeverity.Mild });
            db.ExaminationFindings.Add(new ExaminationFinding { VisitId = visit.Id, PatientId = p.Id, Domain = ExaminationDomain.RangeOfMotion, Change = ExaminationChange.Improved, Note = $"{family} walks better" });
            db.PatientReportedChanges.Add(new PatientReportedChange { VisitId = visit.Id, PatientId = p.Id, Aspect = ChangeAspect.Weakness, Rating = ChangeRating.MuchImproved });
            db.AdverseEvents.Add(new AdverseEvent { PatientId = p.Id, TreatmentCourseId = course.Id, Term = "Headache", OnsetDate = new DateOnly(2025, 2, 3), Grade = CtcaeGrade.Mild, Relatedness = Relatedness.Possible, Outcome = AdverseEventOutcome.Recovered, Description = $"{given} phoned from {address}" });
            db.VitalStatuses.Add(new VitalStatus { PatientId = p.Id, IsAlive = true, LastKnownAliveOn = new DateOnly(2025, 9, 10) });
            db.Inquiries.Add(new Inquiry
            {
                Id = inquiryId, Reference = "RQ-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), SubmittedAt = DateTime.UtcNow.AddYears(-1),
                RequesterRole = RequesterRole.Patient, Name = $"{given} {family}", Email = email, Phone = phone, Country = "RS", PreferredLanguage = "sr",
                DiagnosisYear = 2024, Message = $"I am {given}, my address is {address}", ConsentWording = "I agree.", ConsentGivenAt = DateTime.UtcNow.AddYears(-1),
                PatientId = p.Id,
                Documents = [new InquiryDocument { FileName = "mri.pdf", ContentType = "application/pdf", SizeBytes = document.Length, Sha256 = "00", Content = document }],
                Notes = [new InquiryNote { At = DateTime.UtcNow, Author = "coordinator@test.local", Text = $"Spoke to {given} on {phone}" }],
            });
            // The schedule the course form generates (follow-up items), in the same save.
            await scope.ServiceProvider.GetRequiredService<FollowUpSchedule>().SyncCourseAsync(course, isNew: true, default);
            await db.SaveChangesAsync();
            id = p.Id;
        }
        await PortalTestKit.PatientWithAccountAsync(app, patientId: id, email: email);
        return new FullPatient(id, family, given, email, phone, address, inquiryId, document);
    }

    /// <summary>
    /// Every text cell of every table of the model (the audit trail aside) that contains
    /// <paramref name="needle"/>, ignoring case: "Table.Column" per hit.
    /// </summary>
    public static Task<List<string>> FindEverywhereAsync(RegistryAppFactory app, string needle) => app.WithDbAsync(async db =>
    {
        var hits = new List<string>();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var type in db.Model.GetEntityTypes().Where(t => t.ClrType != typeof(AuditEntry) && t.GetTableName() is not null))
            {
                var table = type.GetTableName()!;
                var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, type.GetSchema());
                var columns = type.GetProperties().Concat(type.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()))
                    .Where(p => p.ClrType == typeof(string)).Select(p => p.GetColumnName(store)).OfType<string>().Distinct();
                foreach (var column in columns)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT COUNT(*) FROM {sql.DelimitIdentifier(table)} WHERE lower({sql.DelimitIdentifier(column)}) LIKE @needle";
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@needle";
                    parameter.Value = "%" + needle.ToLowerInvariant() + "%";
                    command.Parameters.Add(parameter);
                    if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0) hits.Add($"{table}.{column}");
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return hits;
    });
}

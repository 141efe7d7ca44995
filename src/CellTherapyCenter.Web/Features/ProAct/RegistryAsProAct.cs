using System.Security.Cryptography;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Cohorts;
using Microsoft.EntityFrameworkCore;
using static CellTherapyCenter.Web.Features.ProAct.ProActLayout;

namespace CellTherapyCenter.Web.Features.ProAct;

/// <summary>The registry's patients as a PRO-ACT cohort, pseudonymised for research (docs/proact.md, Export).</summary>
public sealed record RegistryAsProActData(List<ExternalCohortSubject> Subjects, List<ExternalCohortAlsfrs> Alsfrs, List<ExternalCohortFvc> Fvc, int LeftOut);

/// <summary>
/// Reads the registry's patients that may be served (not voided, no open erasure request) and their
/// records that are not voided, and turns each into a subject with a new number, day 0 at the first
/// treatment course or else the diagnosis, no names, no dates, age in whole years.
/// </summary>
public static class RegistryAsProAct
{
    public static async Task<RegistryAsProActData> LoadAsync(RegistryDbContext db, CancellationToken ct)
    {
        var patients = await db.Patients.AsNoTracking()
            .Where(p => p.VoidedAt == null && !db.ErasureRequests.Any(e => e.PatientId == p.Id && e.VoidedAt == null))
            .Select(p => new { p.Id, p.Sex, p.DateOfBirth })
            .ToListAsync(ct);
        var diagnoses = await db.Diagnoses.AsNoTracking().Where(d => d.VoidedAt == null)
            .Select(d => new { d.PatientId, d.OnsetDate, d.OnsetSite, d.DiagnosisDate, d.TakesRiluzole }).ToListAsync(ct);
        var diagnosisOf = diagnoses.GroupBy(d => d.PatientId).ToDictionary(g => g.Key, g => g.First());
        var firstCourse = (await db.TreatmentCourses.AsNoTracking().Where(c => c.VoidedAt == null)
            .Select(c => new { c.PatientId, c.StartDate }).ToListAsync(ct))
            .GroupBy(c => c.PatientId).ToDictionary(g => g.Key, g => g.Min(c => c.StartDate));
        var vital = (await db.VitalStatuses.AsNoTracking().Where(v => v.VoidedAt == null)
            .Select(v => new { v.PatientId, v.IsAlive, v.DateOfDeath }).ToListAsync(ct))
            .GroupBy(v => v.PatientId).ToDictionary(g => g.Key, g => g.First());
        var assessments = (await db.AlsfrsRAssessments.AsNoTracking().Where(a => a.VoidedAt == null).ToListAsync(ct))
            .ToLookup(a => a.PatientId);
        var fvc = (await db.Visits.AsNoTracking().Where(v => v.VoidedAt == null && v.FvcPercentPredicted != null)
            .Select(v => new { v.PatientId, v.Date, v.FvcPercentPredicted }).ToListAsync(ct)).ToLookup(v => v.PatientId);

        // New subject numbers in an order unrelated to the registry's (a random permutation, kept nowhere).
        var numbers = Enumerable.Range(1, patients.Count).ToArray();
        RandomNumberGenerator.Shuffle(numbers.AsSpan());
        var data = new RegistryAsProActData([], [], [], 0);
        var leftOut = 0;
        var next = 0;
        foreach (var patient in patients)
        {
            diagnosisOf.TryGetValue(patient.Id, out var diagnosis);
            DateOnly? dayZero = firstCourse.TryGetValue(patient.Id, out var course) ? course : diagnosis?.DiagnosisDate;
            if (dayZero is not { } zero) { leftOut++; continue; }
            DateOnly? Shift(DateOnly? date) => date is { } d ? DateOf(d.DayNumber - zero.DayNumber) : null;
            vital.TryGetValue(patient.Id, out var status);
            var subject = new ExternalCohortSubject
            {
                SubjectId = numbers[next++].ToString(System.Globalization.CultureInfo.InvariantCulture),
                DemographicsOn = DateOf(0),
                Age = WholeYears(patient.DateOfBirth, zero),
                Sex = patient.Sex is Data.Patients.Sex.Male or Data.Patients.Sex.Female ? patient.Sex : null,
                SiteOfOnset = diagnosis?.OnsetSite switch
                {
                    OnsetSite.Bulbar => "Onset: Bulbar",
                    OnsetSite.UpperLimb or OnsetSite.LowerLimb => "Onset: Limb",
                    null => null,
                    _ => "Onset: Other",
                },
                OnsetOn = Shift(diagnosis?.OnsetDate),
                DiagnosedOn = Shift(diagnosis?.DiagnosisDate),
                Died = status is null ? null : !status.IsAlive,
                DiedOn = Shift(status?.DateOfDeath),
                UsedRiluzole = diagnosis?.TakesRiluzole,
            };
            data.Subjects.Add(subject);
            foreach (var a in assessments[patient.Id])
            {
                var r = a.Responses;
                data.Alsfrs.Add(new ExternalCohortAlsfrs
                {
                    SubjectId = subject.Id,
                    Scale = AlsfrsScale.AlsfrsR,
                    AssessedOn = Shift(a.AssessedOn)!.Value,
                    Q1 = r.Speech, Q2 = r.Salivation, Q3 = r.Swallowing, Q4 = r.Handwriting,
                    Q5a = r.UsesGastrostomy ? null : r.CuttingFood,
                    Q5b = r.UsesGastrostomy ? r.CuttingFood : null,
                    Q6 = r.DressingHygiene, Q7 = r.TurningInBed, Q8 = r.Walking, Q9 = r.ClimbingStairs,
                    R1 = r.Dyspnea, R2 = r.Orthopnea, R3 = r.RespiratoryInsufficiency,
                    AlsfrsRTotal = AlsfrsRScore.Of(r).Total,
                    Mode = a.Mode.ToString(),
                    RespondedBy = a.Rater.ToString(),
                });
            }
            foreach (var v in fvc[patient.Id])
                data.Fvc.Add(new ExternalCohortFvc { SubjectId = subject.Id, MeasuredOn = Shift(v.Date)!.Value, PercentPredicted1 = v.FvcPercentPredicted });
        }
        return data with { LeftOut = leftOut };
    }

    private static int WholeYears(DateOnly born, DateOnly on)
    {
        var years = on.Year - born.Year;
        if (on < born.AddYears(years)) years--;
        return years;
    }
}

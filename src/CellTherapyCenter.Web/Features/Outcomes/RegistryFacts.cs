using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Outcomes;
using CellTherapyCenter.Web.Data;
using CellTherapyCenter.Web.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Outcomes;

/// <summary>
/// Loads what the claims audit reads from the registry: one narrow, untracked query per table
/// (no names, contacts or notes), voided records left out, children of voided visits too.
/// </summary>
public static class RegistryFacts
{
    public sealed record Snapshot(IReadOnlyList<PatientFacts> Patients, DateOnly DataDate);

    public static async Task<Snapshot> LoadAsync(RegistryDbContext db, DateOnly today, CancellationToken ct)
    {
        var patients = await db.Patients.AsNoTracking().Where(p => p.VoidedAt == null)
            .Select(p => new { p.Id, p.IsSynthetic, p.DateOfBirth }).ToListAsync(ct);
        var diagnoses = (await db.Diagnoses.AsNoTracking().Where(d => d.VoidedAt == null)
            .Select(d => new { d.PatientId, d.OnsetDate, d.OnsetSite, d.DiagnosisDate, d.ElEscorial, d.FrontotemporalDementia, d.C9orf72 })
            .ToListAsync(ct)).ToLookup(d => d.PatientId);
        var vitals = (await db.VitalStatuses.AsNoTracking().Where(v => v.VoidedAt == null)
            .Select(v => new { v.PatientId, v.IsAlive, v.DateOfDeath, v.LastKnownAliveOn, v.TracheostomyDate, v.PermanentVentilationDate, v.GastrostomyDate })
            .ToListAsync(ct)).ToDictionary(v => v.PatientId);
        var courses = (await db.TreatmentCourses.AsNoTracking().Where(c => c.VoidedAt == null)
            .Select(c => new { c.PatientId, c.StartDate }).ToListAsync(ct)).ToLookup(c => c.PatientId, c => c.StartDate);

        var visitRows = await db.Visits.AsNoTracking().Where(v => v.VoidedAt == null)
            .Select(v => new { v.Id, v.PatientId, v.Date, v.FvcPercentPredicted }).ToListAsync(ct);
        var ratings = (await db.PatientReportedChanges.AsNoTracking().Where(r => r.VoidedAt == null)
            .Select(r => new { r.VisitId, r.Aspect, r.Rating }).ToListAsync(ct)).ToLookup(r => r.VisitId);
        var findings = (await db.ExaminationFindings.AsNoTracking().Where(f => f.VoidedAt == null)
            .GroupBy(f => f.VisitId)
            .Select(g => new { VisitId = g.Key, Count = g.Count(), Improved = g.Count(f => f.Change == ExaminationChange.Improved) })
            .ToListAsync(ct)).ToDictionary(f => f.VisitId);
        var visits = visitRows.Select(v => (v.PatientId, Fact: new VisitFact
        {
            Date = v.Date,
            FvcPercentPredicted = v.FvcPercentPredicted,
            ReportedChanges = ratings[v.Id].GroupBy(r => r.Aspect).ToDictionary(g => g.Key, g => g.First().Rating),
            ExaminationFindings = findings.GetValueOrDefault(v.Id)?.Count ?? 0,
            ExaminationImprovements = findings.GetValueOrDefault(v.Id)?.Improved ?? 0,
        })).ToLookup(v => v.PatientId, v => v.Fact);

        var assessments = (await db.AlsfrsRAssessments.AsNoTracking().Where(a => a.VoidedAt == null && a.Total != null)
            .Select(a => new { a.PatientId, a.AssessedOn, Total = a.Total!.Value, a.KingsStage, AtVisit = a.VisitId != null })
            .ToListAsync(ct)).ToLookup(a => a.PatientId, a => new AssessmentFact(a.AssessedOn, a.Total, a.KingsStage, a.AtVisit));

        var facts = new List<PatientFacts>(patients.Count);
        var dataDate = DateOnly.MinValue;
        foreach (var p in patients)
        {
            var d = diagnoses[p.Id].LastOrDefault();
            var v = vitals.GetValueOrDefault(p.Id);
            var fact = new PatientFacts
            {
                Id = p.Id,
                IsSynthetic = p.IsSynthetic,
                DateOfBirth = p.DateOfBirth,
                OnsetDate = d?.OnsetDate,
                OnsetSite = d?.OnsetSite,
                DiagnosisDate = d?.DiagnosisDate,
                ElEscorial = d?.ElEscorial,
                FrontotemporalDementia = d?.FrontotemporalDementia,
                C9orf72 = d?.C9orf72 ?? Clinical.Diagnosis.GeneticResult.NotTested,
                DateOfDeath = v is { IsAlive: false } ? v.DateOfDeath : null,
                LastKnownAliveOn = v?.LastKnownAliveOn,
                TracheostomyDate = v?.TracheostomyDate,
                PermanentVentilationDate = v?.PermanentVentilationDate,
                GastrostomyDate = v?.GastrostomyDate,
                CourseStarts = courses[p.Id].Order().ToArray(),
                Assessments = assessments[p.Id].OrderBy(a => a.Date).ToArray(),
                Visits = visits[p.Id].OrderBy(x => x.Date).ToArray(),
            };
            facts.Add(fact);
            if (fact.FollowUpEnd is { } end && end > dataDate) dataDate = end;
        }
        // The data run to the latest recorded date, never past today (a mistyped future date must not open windows early).
        return new Snapshot(facts, dataDate == DateOnly.MinValue || dataDate > today ? today : dataDate);
    }
}

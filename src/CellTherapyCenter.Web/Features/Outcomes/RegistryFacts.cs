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
    private static readonly ChangeAspect[] C1Aspects = [ChangeAspect.Weakness, ChangeAspect.Appetite, ChangeAspect.Mood, ChangeAspect.Fasciculations, ChangeAspect.Spasticity];

    public sealed record Snapshot(IReadOnlyList<PatientFacts> Patients, DateOnly DataDate);

    /// <param name="open">Opens a new context: the tables are read concurrently, each on its own connection.</param>
    public static async Task<Snapshot> LoadAsync(Func<RegistryDbContext> open, DateOnly today, CancellationToken ct)
    {
        async Task<List<T>> Read<T>(Func<RegistryDbContext, IQueryable<T>> query)
        {
            await using var db = open();
            return await query(db).ToListAsync(ct);
        }

        var patientsTask = Read(db => db.Patients.AsNoTracking().Where(p => p.VoidedAt == null)
            .Select(p => new { p.Id, p.IsSynthetic, p.DateOfBirth }));
        var diagnosesTask = Read(db => db.Diagnoses.AsNoTracking().Where(d => d.VoidedAt == null)
            .Select(d => new { d.PatientId, d.OnsetDate, d.OnsetSite, d.DiagnosisDate, d.ElEscorial, d.FrontotemporalDementia, d.C9orf72 }));
        var vitalsTask = Read(db => db.VitalStatuses.AsNoTracking().Where(v => v.VoidedAt == null)
            .Select(v => new { v.PatientId, v.IsAlive, v.DateOfDeath, v.LastKnownAliveOn, v.TracheostomyDate, v.PermanentVentilationDate, v.GastrostomyDate }));
        var coursesTask = Read(db => db.TreatmentCourses.AsNoTracking().Where(c => c.VoidedAt == null)
            .Select(c => new { c.PatientId, c.StartDate }));
        var visitsTask = Read(db => db.Visits.AsNoTracking().Where(v => v.VoidedAt == null)
            .OrderBy(v => v.PatientId).ThenBy(v => v.Date)
            .Select(v => new { v.Id, v.PatientId, v.Date, v.FvcPercentPredicted }));
        // Only the aspects a claim reads (C1's five) are loaded.
        var aspects = ChangeRatings.ClaimC1Aspects.ToArray();
        if (!aspects.Order().SequenceEqual(C1Aspects.Order()))
            throw new InvalidOperationException("Claim C1's aspects changed: update the per-aspect columns of the ratings query.");
        // One row per rated visit: the rating of each C1 aspect, 0 where it was not rated.
        var ratingsTask = Read(db => db.PatientReportedChanges.AsNoTracking().Where(r => r.VoidedAt == null && aspects.Contains(r.Aspect))
            .GroupBy(r => r.VisitId)
            .Select(g => new
            {
                VisitId = g.Key,
                Weakness = g.Max(r => r.Aspect == ChangeAspect.Weakness ? (int)r.Rating : 0),
                Appetite = g.Max(r => r.Aspect == ChangeAspect.Appetite ? (int)r.Rating : 0),
                Mood = g.Max(r => r.Aspect == ChangeAspect.Mood ? (int)r.Rating : 0),
                Fasciculations = g.Max(r => r.Aspect == ChangeAspect.Fasciculations ? (int)r.Rating : 0),
                Spasticity = g.Max(r => r.Aspect == ChangeAspect.Spasticity ? (int)r.Rating : 0),
            }));
        // One row per examined visit: how many domains were recorded and how many improved.
        var findingsTask = Read(db => db.ExaminationFindings.AsNoTracking().Where(f => f.VoidedAt == null)
            .GroupBy(f => f.VisitId)
            .Select(g => new { VisitId = g.Key, Count = g.Count(), Improved = g.Count(f => f.Change == ExaminationChange.Improved) }));
        var assessmentsTask = ReadScoresAsync(open, ct);
        await Task.WhenAll(patientsTask, diagnosesTask, vitalsTask, coursesTask, visitsTask, ratingsTask, findingsTask, assessmentsTask);

        var patients = patientsTask.Result;
        var diagnoses = diagnosesTask.Result.ToLookup(d => d.PatientId);
        var vitals = vitalsTask.Result.ToDictionary(v => v.PatientId);
        var courses = coursesTask.Result.ToLookup(c => c.PatientId, c => c.StartDate);
        var ratings = new Dictionary<Guid, Dictionary<ChangeAspect, ChangeRating>>(ratingsTask.Result.Count);
        foreach (var r in ratingsTask.Result)
        {
            var byAspect = new Dictionary<ChangeAspect, ChangeRating>(aspects.Length);
            void Add(ChangeAspect aspect, int rating) { if (rating != 0) byAspect[aspect] = (ChangeRating)rating; }
            Add(ChangeAspect.Weakness, r.Weakness);
            Add(ChangeAspect.Appetite, r.Appetite);
            Add(ChangeAspect.Mood, r.Mood);
            Add(ChangeAspect.Fasciculations, r.Fasciculations);
            Add(ChangeAspect.Spasticity, r.Spasticity);
            ratings[r.VisitId] = byAspect;
        }
        var findings = findingsTask.Result.ToDictionary(f => f.VisitId, f => (f.Count, f.Improved));
        // Visits arrive in patient and date order: each patient's run becomes one array.
        var visits = new Dictionary<Guid, VisitFact[]>();
        var run = new List<VisitFact>();
        var rows = visitsTask.Result;
        for (var i = 0; i < rows.Count; i++)
        {
            var v = rows[i];
            var (count, improved) = findings.GetValueOrDefault(v.Id);
            var fact = new VisitFact { Date = v.Date, FvcPercentPredicted = v.FvcPercentPredicted, ExaminationFindings = count, ExaminationImprovements = improved };
            run.Add(ratings.TryGetValue(v.Id, out var byAspect) ? fact with { ReportedChanges = byAspect } : fact);
            if (i + 1 == rows.Count || rows[i + 1].PatientId != v.PatientId)
            {
                visits[v.PatientId] = [.. run];
                run.Clear();
            }
        }
        var assessments = assessmentsTask.Result;

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
                Assessments = assessments.GetValueOrDefault(p.Id) ?? [],
                Visits = visits.GetValueOrDefault(p.Id) ?? [],
            };
            facts.Add(fact);
            if (fact.FollowUpEnd is { } end && end > dataDate) dataDate = end;
        }
        // The data run to the latest recorded date, never past today (a mistyped future date must not open windows early).
        return new Snapshot(facts, dataDate == DateOnly.MinValue || dataDate > today ? today : dataDate);
    }

    /// <summary>
    /// Every scored assessment, in patient and date order (the order of IX_AlsfrsRAssessments_Scores,
    /// which PostgreSQL reads alone), gathered patient by patient as the rows stream in.
    /// </summary>
    private static async Task<Dictionary<Guid, AssessmentFact[]>> ReadScoresAsync(Func<RegistryDbContext> open, CancellationToken ct)
    {
        await using var db = open();
        var rows = db.AlsfrsRAssessments.AsNoTracking().Where(a => a.VoidedAt == null && a.Total != null)
            .OrderBy(a => a.PatientId).ThenBy(a => a.AssessedOn)
            .Select(a => new { a.PatientId, a.AssessedOn, Total = a.Total!.Value, a.KingsStage, AtVisit = a.VisitId != null })
            .AsAsyncEnumerable();
        var byPatient = new Dictionary<Guid, AssessmentFact[]>();
        var current = new List<AssessmentFact>();
        var patient = Guid.Empty;
        await foreach (var a in rows.WithCancellation(ct))
        {
            if (a.PatientId != patient && current.Count > 0)
            {
                byPatient[patient] = [.. current];
                current.Clear();
            }
            patient = a.PatientId;
            // King's stages are a handful of codes: share one string per code instead of one per row.
            current.Add(new AssessmentFact(a.AssessedOn, a.Total, a.KingsStage is null ? null : string.Intern(a.KingsStage), a.AtVisit));
        }
        if (current.Count > 0) byPatient[patient] = [.. current];
        return byPatient;
    }
}

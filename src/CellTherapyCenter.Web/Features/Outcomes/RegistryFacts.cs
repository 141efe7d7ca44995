using System.Data.Common;
using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Outcomes;

/// <summary>
/// Loads what the claims audit reads from the registry: one narrow, untracked query per table
/// (no names, contacts or notes), voided records left out, children of voided visits too.
/// </summary>
public static class RegistryFacts
{
    private static readonly ChangeAspect[] C1Aspects = [ChangeAspect.Weakness, ChangeAspect.Appetite, ChangeAspect.Mood, ChangeAspect.Fasciculations, ChangeAspect.Spasticity];

    public sealed record Snapshot(IReadOnlyList<PatientFacts> Patients, DateOnly DataDate)
    {
        /// <summary>The imported external cohorts, compared with the progression and survival claims.</summary>
        public IReadOnlyList<CellTherapyCenter.Outcomes.Comparison.ExternalCohortFacts> Cohorts { get; init; } = [];
    }

    /// <param name="open">Opens a new context: the tables are read concurrently, each on its own connection.</param>
    /// <remarks>
    /// Nearly three million rows on a registry of 100,000 patients. Each query is EF Core's, but
    /// its rows are read straight off the data reader into small structs (<see cref="RawRows"/>):
    /// EF's materialiser took two to three times as long. Every table is read in patient order and
    /// the patients' facts are then put together by walking all of them at once, as a merge join
    /// does: looking each patient and visit up in hash tables, scattered over memory, had cost a
    /// fifth of the load.
    /// </remarks>
    public static async Task<Snapshot> LoadAsync(Func<RegistryDbContext> open, DateOnly today, CancellationToken ct)
    {
        var (facts, cohorts) = await LoadFactsAsync(open, only: null, withCohorts: true, ct);
        return new Snapshot(facts, DataDate(facts, today)) { Cohorts = cohorts };
    }

    /// <summary>
    /// The snapshot after the saves <paramref name="changes"/> describes: the facts of the patients
    /// they touched are read again (a voided patient's are dropped), every other patient's are kept
    /// from <paramref name="previous"/>, and the external cohorts are read again if one changed.
    /// The result equals a whole <see cref="LoadAsync"/> when the changes are complete.
    /// </summary>
    public static async Task<Snapshot> RefreshAsync(Snapshot previous, RecordChangeSet changes, Func<RegistryDbContext> open, DateOnly today, CancellationToken ct)
    {
        if (changes.Patients.Count == 0 && !changes.Cohorts) return previous with { DataDate = DataDate(previous.Patients, today) };
        var (fresh, cohorts) = await LoadFactsAsync(open, [.. changes.Patients], changes.Cohorts, ct);
        var facts = new List<PatientFacts>(previous.Patients.Count + fresh.Count);
        var next = 0;
        // Both lists are in id order: a merge, the re-read patients in place of their old facts.
        foreach (var kept in previous.Patients)
        {
            while (next < fresh.Count && StoreOrder.Compare(fresh[next].Id, kept.Id) < 0) facts.Add(fresh[next++]);
            if (!changes.Patients.Contains(kept.Id)) facts.Add(kept);
        }
        while (next < fresh.Count) facts.Add(fresh[next++]);
        return new Snapshot(facts, DataDate(facts, today)) { Cohorts = changes.Cohorts ? cohorts : previous.Cohorts };
    }

    /// <summary>The data run to the latest recorded date, never past today (a mistyped future date must not open windows early).</summary>
    private static DateOnly DataDate(IReadOnlyList<PatientFacts> facts, DateOnly today)
    {
        var dataDate = DateOnly.MinValue;
        foreach (var fact in facts)
            if (fact.FollowUpEnd is { } end && end > dataDate) dataDate = end;
        return dataDate == DateOnly.MinValue || dataDate > today ? today : dataDate;
    }

    /// <param name="only">The patients to read, or null for all.</param>
    private static async Task<(List<PatientFacts> Facts, IReadOnlyList<CellTherapyCenter.Outcomes.Comparison.ExternalCohortFacts> Cohorts)> LoadFactsAsync(
        Func<RegistryDbContext> open, Guid[]? only, bool withCohorts, CancellationToken ct)
    {
        IQueryable<T> Of<T>(IQueryable<T> records) where T : class =>
            only is null ? records : records.Where(r => only.Contains(EF.Property<Guid>(r, "PatientId")));

        async Task Read<T>(Func<RegistryDbContext, IQueryable<T>> query, string[] columns, Action<DbDataReader, int[]> onRow)
        {
            await using var db = open();
            await RawRows.ReadAsync(db, query(db), columns, onRow, ct);
        }

        // Voided patients are read too (and left out below): every other table's patients are then
        // among these, in the same order.
        var patients = new List<PatientRow>();
        var patientsTask = Read(db => (only is null ? db.Patients : db.Patients.Where(p => only.Contains(p.Id))).AsNoTracking().OrderBy(p => p.Id)
                .Select(p => new { p.Id, Voided = p.VoidedAt != null, p.IsSynthetic, p.DateOfBirth }),
            ["Id", "Voided", "IsSynthetic", "DateOfBirth"],
            (r, at) => patients.Add(new PatientRow(r.GetGuid(at[0]), r.GetBoolean(at[1]), r.GetBoolean(at[2]), r.GetFieldValue<DateOnly>(at[3]))));
        var diagnoses = new PatientRuns<DiagnosisRow>();
        var diagnosesTask = Read(db => Of(db.Diagnoses).AsNoTracking().Where(d => d.VoidedAt == null).OrderBy(d => d.PatientId)
                .Select(d => new { d.PatientId, d.OnsetDate, d.OnsetSite, d.DiagnosisDate, d.ElEscorial, d.FrontotemporalDementia, d.C9orf72 }),
            ["PatientId", "OnsetDate", "OnsetSite", "DiagnosisDate", "ElEscorial", "FrontotemporalDementia", "C9orf72"],
            (r, at) => diagnoses.Add(r.GetGuid(at[0]), new DiagnosisRow(
                r.GetNullable<DateOnly>(at[1]), (OnsetSite?)r.GetNullable<int>(at[2]), r.GetNullable<DateOnly>(at[3]), (ElEscorialCategory?)r.GetNullable<int>(at[4]), r.GetNullable<bool>(at[5]), (GeneticResult)r.GetInt32(at[6]))));
        var vitals = new PatientRuns<VitalRow>();
        var vitalsTask = Read(db => Of(db.VitalStatuses).AsNoTracking().Where(v => v.VoidedAt == null).OrderBy(v => v.PatientId)
                .Select(v => new { v.PatientId, v.IsAlive, v.DateOfDeath, v.LastKnownAliveOn, v.TracheostomyDate, v.PermanentVentilationDate, v.GastrostomyDate }),
            ["PatientId", "IsAlive", "DateOfDeath", "LastKnownAliveOn", "TracheostomyDate", "PermanentVentilationDate", "GastrostomyDate"],
            (r, at) => vitals.Add(r.GetGuid(at[0]), new VitalRow(
                r.GetBoolean(at[1]), r.GetNullable<DateOnly>(at[2]), r.GetNullable<DateOnly>(at[3]), r.GetNullable<DateOnly>(at[4]), r.GetNullable<DateOnly>(at[5]), r.GetNullable<DateOnly>(at[6]))));
        var courses = new PatientRuns<DateOnly>();
        var coursesTask = Read(db => Of(db.CountedCourses()).AsNoTracking()
                .OrderBy(c => c.PatientId).ThenBy(c => c.StartDate)
                .Select(c => new { c.PatientId, c.StartDate }),
            ["PatientId", "StartDate"],
            (r, at) => courses.Add(r.GetGuid(at[0]), r.GetFieldValue<DateOnly>(at[1])));
        var visits = new PatientRuns<VisitRow>();
        var visitsTask = Read(db => Of(db.Visits).AsNoTracking().Where(v => v.VoidedAt == null)
                .OrderBy(v => v.PatientId).ThenBy(v => v.Date)
                .Select(v => new { v.Id, v.PatientId, v.Date, v.FvcPercentPredicted }),
            ["Id", "PatientId", "Date", "FvcPercentPredicted"],
            (r, at) => visits.Add(r.GetGuid(at[1]), new VisitRow(r.GetGuid(at[0]), r.GetFieldValue<DateOnly>(at[2]), r.IsDBNull(at[3]) ? null : r.GetDouble(at[3]))));
        // Only the aspects a claim reads (C1's five) are loaded.
        var aspects = ChangeRatings.ClaimC1Aspects.ToArray();
        if (!aspects.Order().SequenceEqual(C1Aspects.Order()))
            throw new InvalidOperationException("Claim C1's aspects changed: update the per-aspect columns of the ratings query.");
        // One row per rated visit: the rating of each C1 aspect, 0 where it was not rated.
        var ratings = new PatientRuns<(Guid VisitId, VisitRatings Ratings)>();
        var ratingsTask = Read(db => Of(db.PatientReportedChanges).AsNoTracking().Where(r => r.VoidedAt == null && aspects.Contains(r.Aspect))
                .GroupBy(r => new { r.PatientId, r.VisitId })
                .Select(g => new
                {
                    g.Key.PatientId,
                    g.Key.VisitId,
                    Weakness = g.Max(r => r.Aspect == ChangeAspect.Weakness ? (int)r.Rating : 0),
                    Appetite = g.Max(r => r.Aspect == ChangeAspect.Appetite ? (int)r.Rating : 0),
                    Mood = g.Max(r => r.Aspect == ChangeAspect.Mood ? (int)r.Rating : 0),
                    Fasciculations = g.Max(r => r.Aspect == ChangeAspect.Fasciculations ? (int)r.Rating : 0),
                    Spasticity = g.Max(r => r.Aspect == ChangeAspect.Spasticity ? (int)r.Rating : 0),
                })
                .OrderBy(g => g.PatientId),
            ["PatientId", "VisitId", .. C1Aspects.Select(a => a.ToString())],
            (r, at) =>
            {
                var rated = new List<KeyValuePair<ChangeAspect, ChangeRating>>(C1Aspects.Length);
                for (var i = 0; i < C1Aspects.Length; i++)
                    if (r.GetInt32(at[i + 2]) is var rating and not 0) rated.Add(new(C1Aspects[i], (ChangeRating)rating));
                ratings.Add(r.GetGuid(at[0]), (r.GetGuid(at[1]), new VisitRatings(rated)));
            });
        // One row per examined visit: how many domains were recorded and how many improved.
        var findings = new PatientRuns<(Guid VisitId, int Count, int Improved)>();
        var findingsTask = Read(db => Of(db.ExaminationFindings).AsNoTracking().Where(f => f.VoidedAt == null)
                .GroupBy(f => new { f.PatientId, f.VisitId })
                .Select(g => new { g.Key.PatientId, g.Key.VisitId, Count = g.Count(), Improved = g.Count(f => f.Change == ExaminationChange.Improved) })
                .OrderBy(g => g.PatientId),
            ["PatientId", "VisitId", "Count", "Improved"],
            (r, at) => findings.Add(r.GetGuid(at[0]), (r.GetGuid(at[1]), r.GetInt32(at[2]), r.GetInt32(at[3]))));
        var assessmentsTask = only is null ? ReadScoresInHalvesAsync(open, ct) : ReadScoresAsync(open, Of, ct);
        var cohortsTask = !withCohorts ? Task.FromResult<IReadOnlyList<CellTherapyCenter.Outcomes.Comparison.ExternalCohortFacts>>([]) : Task.Run(async () =>
        {
            await using var db = open();
            return await ExternalCohortFactsLoader.LoadAsync(db, ct);
        }, ct);
        await Task.WhenAll(patientsTask, diagnosesTask, vitalsTask, coursesTask, visitsTask, ratingsTask, findingsTask, assessmentsTask, cohortsTask);
        var assessments = await assessmentsTask;

        var facts = new List<PatientFacts>(patients.Count);
        foreach (var p in patients)
        {
            // Every table's runs are taken in patient order, voided patients' too, so that none is left behind.
            var patientDiagnoses = diagnoses.Take(p.Id);
            var patientVitals = vitals.Take(p.Id);
            var patientCourses = courses.Take(p.Id);
            var patientScores = assessments.Take(p.Id);
            var patientVisits = VisitFacts(visits.Take(p.Id), ratings.Take(p.Id), findings.Take(p.Id));
            if (p.Voided) continue;
            // A patient has one diagnosis and one vital status in practice; should there be more, the last read is used.
            var d = patientDiagnoses.Length > 0 ? patientDiagnoses[^1] : null;
            var v = patientVitals.Length > 0 ? patientVitals[^1] : null;
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
                C9orf72 = d?.C9orf72 ?? GeneticResult.NotTested,
                DateOfDeath = v is { IsAlive: false } ? v.DateOfDeath : null,
                LastKnownAliveOn = v?.LastKnownAliveOn,
                TracheostomyDate = v?.TracheostomyDate,
                PermanentVentilationDate = v?.PermanentVentilationDate,
                GastrostomyDate = v?.GastrostomyDate,
                CourseStarts = patientCourses,
                Assessments = patientScores,
                Visits = patientVisits,
            };
            facts.Add(fact);
        }
        return (facts, await cohortsTask);
    }

    /// <summary>One patient's visits with their ratings and findings, matched by visit among the patient's few.</summary>
    private static VisitFact[] VisitFacts(VisitRow[] visits, (Guid VisitId, VisitRatings Ratings)[] ratings, (Guid VisitId, int Count, int Improved)[] findings)
    {
        if (visits.Length == 0) return [];
        var facts = new VisitFact[visits.Length];
        for (var i = 0; i < visits.Length; i++)
        {
            var visit = visits[i];
            IReadOnlyDictionary<ChangeAspect, ChangeRating> rated = VisitFact.NoReportedChanges;
            foreach (var r in ratings)
                if (r.VisitId == visit.Id) rated = r.Ratings;
            int count = 0, improved = 0;
            foreach (var f in findings)
                if (f.VisitId == visit.Id) (count, improved) = (f.Count, f.Improved);
            facts[i] = new VisitFact
            {
                Date = visit.Date,
                FvcPercentPredicted = visit.FvcPercentPredicted,
                ReportedChanges = rated,
                ExaminationFindings = count,
                ExaminationImprovements = improved,
            };
        }
        return facts;
    }


    private readonly record struct PatientRow(Guid Id, bool Voided, bool IsSynthetic, DateOnly DateOfBirth);
    private sealed record DiagnosisRow(DateOnly? OnsetDate, OnsetSite? OnsetSite, DateOnly? DiagnosisDate, ElEscorialCategory? ElEscorial, bool? FrontotemporalDementia, GeneticResult C9orf72);
    private sealed record VitalRow(bool IsAlive, DateOnly? DateOfDeath, DateOnly? LastKnownAliveOn, DateOnly? TracheostomyDate, DateOnly? PermanentVentilationDate, DateOnly? GastrostomyDate);
    private readonly record struct VisitRow(Guid Id, DateOnly Date, double? FvcPercentPredicted);

    /// <summary>
    /// Every scored assessment, in patient and date order (the order of IX_AlsfrsRAssessments_Scores,
    /// which PostgreSQL reads alone): about 1.5 million rows on a registry of 100,000 patients.
    /// An assessment recorded at a voided visit is left out with the visit: voiding a visit voids
    /// the visit row only, and its score must not count as a clinic-visit score (C2, C3).
    /// </summary>
    /// <summary>
    /// Every score, read as two halves of the patients side by side, each on its own connection:
    /// the scores are the longest read by far (1.5 million rows for 100,000 patients), and one
    /// reader alone kept one core busy while the other had finished the smaller tables.
    /// </summary>
    private static async Task<PatientRuns<AssessmentFact>> ReadScoresInHalvesAsync(Func<RegistryDbContext> open, CancellationToken ct)
    {
        Guid? middle;
        await using (var db = open())
        {
            var count = await db.Patients.CountAsync(ct);
            middle = count < 2 ? null : await db.Patients.OrderBy(p => p.Id).Select(p => (Guid?)p.Id).Skip(count / 2).FirstOrDefaultAsync(ct);
        }
        if (middle is not { } m) return await ReadScoresAsync(open, q => q, ct);
        var lower = ReadScoresAsync(open, q => q.Where(a => a.PatientId.CompareTo(m) < 0), ct);
        var upper = ReadScoresAsync(open, q => q.Where(a => a.PatientId.CompareTo(m) >= 0), ct);
        var runs = await lower;
        runs.Append(await upper);
        return runs;
    }

    private static async Task<PatientRuns<AssessmentFact>> ReadScoresAsync(Func<RegistryDbContext> open, Func<IQueryable<AlsfrsRAssessment>, IQueryable<AlsfrsRAssessment>> of, CancellationToken ct)
    {
        await using var db = open();
        // NOT IN over the voided visits (few): PostgreSQL hashes them once and filters the index-only
        // scan, in its order. NOT EXISTS planned worse: alone, an anti-join and a sort of every row
        // (five times slower); beside the OR, a cost estimate high enough to JIT-compile the query.
        var voidedVisits = db.Visits.Where(v => v.VoidedAt != null).Select(v => v.Id);
        var query = of(db.AlsfrsRAssessments).AsNoTracking().Where(a => a.VoidedAt == null && a.Total != null)
            .Where(a => a.VisitId == null || !voidedVisits.Contains(a.VisitId.Value))
            .OrderBy(a => a.PatientId).ThenBy(a => a.AssessedOn)
            // The stage as a number (KingsStageValue + 1, 0 for none), so that no string is made per row.
            .Select(a => new
            {
                a.PatientId, a.AssessedOn, a.Total, AtVisit = a.VisitId != null,
                Stage = a.KingsStage == KingsStageValue.Stage1 ? 1 : a.KingsStage == KingsStageValue.Stage2 ? 2 : a.KingsStage == KingsStageValue.Stage3 ? 3
                    : a.KingsStage == KingsStageValue.Stage4A ? 4 : a.KingsStage == KingsStageValue.Stage4B ? 5 : a.KingsStage == KingsStageValue.Stage5 ? 6 : 0,
            });
        var byPatient = new PatientRuns<AssessmentFact>();
        await RawRows.ReadAsync(db, query, ["PatientId", "AssessedOn", "Total", "Stage", "AtVisit"], (r, at) =>
            byPatient.Add(r.GetGuid(at[0]), new AssessmentFact(r.GetFieldValue<DateOnly>(at[1]), r.GetInt32(at[2]),
                r.GetInt32(at[3]) is var stage and > 0 ? (KingsStageValue)(stage - 1) : null, r.GetBoolean(at[4]))), ct);
        return byPatient;
    }
}

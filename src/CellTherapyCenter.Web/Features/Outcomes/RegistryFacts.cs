using System.Data.Common;
using CellTherapyCenter.Clinical.Diagnosis;
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
    /// <remarks>
    /// Nearly three million rows on a registry of 100,000 patients: each query is EF Core's, but
    /// its rows are read straight off the data reader into small structs (<see cref="RawRows"/>),
    /// because EF's materialiser spent two to three times as long and allocated about 250 bytes a
    /// row, which the garbage collector then copied as the registry's facts grew.
    /// </remarks>
    public static async Task<Snapshot> LoadAsync(Func<RegistryDbContext> open, DateOnly today, CancellationToken ct)
    {
        async Task Read<T>(Func<RegistryDbContext, IQueryable<T>> query, string[] columns, Action<DbDataReader, int[]> onRow)
        {
            await using var db = open();
            await RawRows.ReadAsync(db, query(db), columns, onRow, ct);
        }

        var patients = new List<PatientRow>();
        var patientsTask = Read(db => db.Patients.AsNoTracking().Where(p => p.VoidedAt == null)
                .Select(p => new { p.Id, p.IsSynthetic, p.DateOfBirth }),
            ["Id", "IsSynthetic", "DateOfBirth"],
            (r, at) => patients.Add(new PatientRow(r.GetGuid(at[0]), r.GetBoolean(at[1]), r.GetFieldValue<DateOnly>(at[2]))));
        // A patient has one diagnosis record in practice; should there be more, the last read is used.
        var diagnoses = new Dictionary<Guid, DiagnosisRow>();
        var diagnosesTask = Read(db => db.Diagnoses.AsNoTracking().Where(d => d.VoidedAt == null)
                .Select(d => new { d.PatientId, d.OnsetDate, d.OnsetSite, d.DiagnosisDate, d.ElEscorial, d.FrontotemporalDementia, d.C9orf72 }),
            ["PatientId", "OnsetDate", "OnsetSite", "DiagnosisDate", "ElEscorial", "FrontotemporalDementia", "C9orf72"],
            (r, at) => diagnoses[r.GetGuid(at[0])] = new DiagnosisRow(
                Date(r, at[1]), (OnsetSite?)Int(r, at[2]), Date(r, at[3]), (ElEscorialCategory?)Int(r, at[4]), Bool(r, at[5]), (GeneticResult)r.GetInt32(at[6])));
        var vitals = new Dictionary<Guid, VitalRow>();
        var vitalsTask = Read(db => db.VitalStatuses.AsNoTracking().Where(v => v.VoidedAt == null)
                .Select(v => new { v.PatientId, v.IsAlive, v.DateOfDeath, v.LastKnownAliveOn, v.TracheostomyDate, v.PermanentVentilationDate, v.GastrostomyDate }),
            ["PatientId", "IsAlive", "DateOfDeath", "LastKnownAliveOn", "TracheostomyDate", "PermanentVentilationDate", "GastrostomyDate"],
            (r, at) => vitals[r.GetGuid(at[0])] = new VitalRow(
                r.GetBoolean(at[1]), Date(r, at[2]), Date(r, at[3]), Date(r, at[4]), Date(r, at[5]), Date(r, at[6])));
        var courses = new PatientRuns<DateOnly>();
        var coursesTask = Read(db => db.TreatmentCourses.AsNoTracking().Where(c => c.VoidedAt == null)
                .OrderBy(c => c.PatientId).ThenBy(c => c.StartDate)
                .Select(c => new { c.PatientId, c.StartDate }),
            ["PatientId", "StartDate"],
            (r, at) => courses.Add(r.GetGuid(at[0]), r.GetFieldValue<DateOnly>(at[1])));
        var visitRows = new List<VisitRow>();
        var visitsTask = Read(db => db.Visits.AsNoTracking().Where(v => v.VoidedAt == null)
                .OrderBy(v => v.PatientId).ThenBy(v => v.Date)
                .Select(v => new { v.Id, v.PatientId, v.Date, v.FvcPercentPredicted }),
            ["Id", "PatientId", "Date", "FvcPercentPredicted"],
            (r, at) => visitRows.Add(new VisitRow(r.GetGuid(at[0]), r.GetGuid(at[1]), r.GetFieldValue<DateOnly>(at[2]), r.IsDBNull(at[3]) ? null : r.GetDouble(at[3]))));
        // Only the aspects a claim reads (C1's five) are loaded.
        var aspects = ChangeRatings.ClaimC1Aspects.ToArray();
        if (!aspects.Order().SequenceEqual(C1Aspects.Order()))
            throw new InvalidOperationException("Claim C1's aspects changed: update the per-aspect columns of the ratings query.");
        // One row per rated visit: the rating of each C1 aspect, 0 where it was not rated.
        var ratings = new Dictionary<Guid, Dictionary<ChangeAspect, ChangeRating>>();
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
                }),
            ["VisitId", .. C1Aspects.Select(a => a.ToString())],
            (r, at) =>
            {
                var byAspect = new Dictionary<ChangeAspect, ChangeRating>(C1Aspects.Length);
                for (var i = 0; i < C1Aspects.Length; i++)
                    if (r.GetInt32(at[i + 1]) is var rating and not 0) byAspect[C1Aspects[i]] = (ChangeRating)rating;
                ratings[r.GetGuid(at[0])] = byAspect;
            });
        // One row per examined visit: how many domains were recorded and how many improved.
        var findings = new Dictionary<Guid, (int Count, int Improved)>();
        var findingsTask = Read(db => db.ExaminationFindings.AsNoTracking().Where(f => f.VoidedAt == null)
                .GroupBy(f => f.VisitId)
                .Select(g => new { VisitId = g.Key, Count = g.Count(), Improved = g.Count(f => f.Change == ExaminationChange.Improved) }),
            ["VisitId", "Count", "Improved"],
            (r, at) => findings[r.GetGuid(at[0])] = (r.GetInt32(at[1]), r.GetInt32(at[2])));
        var assessmentsTask = ReadScoresAsync(open, ct);
        await Task.WhenAll(patientsTask, diagnosesTask, vitalsTask, coursesTask, visitsTask, ratingsTask, findingsTask, assessmentsTask);

        // Visits arrive in patient and date order: each patient's run becomes one array.
        var visits = new PatientRuns<VisitFact>();
        foreach (var v in visitRows)
        {
            var (count, improved) = findings.GetValueOrDefault(v.Id);
            var fact = new VisitFact { Date = v.Date, FvcPercentPredicted = v.FvcPercentPredicted, ExaminationFindings = count, ExaminationImprovements = improved };
            visits.Add(v.PatientId, ratings.TryGetValue(v.Id, out var byAspect) ? fact with { ReportedChanges = byAspect } : fact);
        }
        var assessments = assessmentsTask.Result;

        var facts = new List<PatientFacts>(patients.Count);
        var dataDate = DateOnly.MinValue;
        foreach (var p in patients)
        {
            var d = diagnoses.GetValueOrDefault(p.Id);
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
                C9orf72 = d?.C9orf72 ?? GeneticResult.NotTested,
                DateOfDeath = v is { IsAlive: false } ? v.DateOfDeath : null,
                LastKnownAliveOn = v?.LastKnownAliveOn,
                TracheostomyDate = v?.TracheostomyDate,
                PermanentVentilationDate = v?.PermanentVentilationDate,
                GastrostomyDate = v?.GastrostomyDate,
                CourseStarts = courses.Of(p.Id),
                Assessments = assessments.Of(p.Id),
                Visits = visits.Of(p.Id),
            };
            facts.Add(fact);
            if (fact.FollowUpEnd is { } end && end > dataDate) dataDate = end;
        }
        // The data run to the latest recorded date, never past today (a mistyped future date must not open windows early).
        return new Snapshot(facts, dataDate == DateOnly.MinValue || dataDate > today ? today : dataDate);
    }

    private static DateOnly? Date(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetFieldValue<DateOnly>(ordinal);
    private static int? Int(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt32(ordinal);
    private static bool? Bool(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetBoolean(ordinal);

    private readonly record struct PatientRow(Guid Id, bool IsSynthetic, DateOnly DateOfBirth);
    private sealed record DiagnosisRow(DateOnly? OnsetDate, OnsetSite? OnsetSite, DateOnly? DiagnosisDate, ElEscorialCategory? ElEscorial, bool? FrontotemporalDementia, GeneticResult C9orf72);
    private sealed record VitalRow(bool IsAlive, DateOnly? DateOfDeath, DateOnly? LastKnownAliveOn, DateOnly? TracheostomyDate, DateOnly? PermanentVentilationDate, DateOnly? GastrostomyDate);
    private readonly record struct VisitRow(Guid Id, Guid PatientId, DateOnly Date, double? FvcPercentPredicted);

    /// <summary>Values arriving in patient order (a query ordered by patient), kept as one array per patient; read once all have arrived.</summary>
    private sealed class PatientRuns<T>
    {
        private readonly Dictionary<Guid, T[]> _byPatient = [];
        private readonly List<T> _run = [];
        private Guid _patient;

        public void Add(Guid patient, T value)
        {
            if (patient != _patient) Close(patient);
            _run.Add(value);
        }

        public IReadOnlyList<T> Of(Guid patient)
        {
            Close(Guid.Empty);
            return _byPatient.GetValueOrDefault(patient) ?? [];
        }

        private void Close(Guid next)
        {
            if (_run.Count > 0) _byPatient[_patient] = [.. _run];
            _run.Clear();
            _patient = next;
        }
    }

    /// <summary>
    /// Every scored assessment, in patient and date order (the order of IX_AlsfrsRAssessments_Scores,
    /// which PostgreSQL reads alone), gathered patient by patient as the rows stream in: about 1.5
    /// million rows on a registry of 100,000 patients.
    /// </summary>
    private static async Task<PatientRuns<AssessmentFact>> ReadScoresAsync(Func<RegistryDbContext> open, CancellationToken ct)
    {
        await using var db = open();
        var query = db.AlsfrsRAssessments.AsNoTracking().Where(a => a.VoidedAt == null && a.Total != null)
            .OrderBy(a => a.PatientId).ThenBy(a => a.AssessedOn)
            .Select(a => new { a.PatientId, a.AssessedOn, a.Total, a.KingsStage, AtVisit = a.VisitId != null });
        var byPatient = new PatientRuns<AssessmentFact>();
        var stage = new char[8];
        await RawRows.ReadAsync(db, query, ["PatientId", "AssessedOn", "Total", "KingsStage", "AtVisit"], (r, at) =>
        {
            // King's stages are a handful of codes: one shared string per code instead of one per row.
            string? kings = null;
            if (!r.IsDBNull(at[3]))
            {
                var length = (int)r.GetChars(at[3], 0, stage, 0, stage.Length);
                kings = KingsStageCode(stage.AsSpan(0, length));
            }
            byPatient.Add(r.GetGuid(at[0]), new AssessmentFact(r.GetFieldValue<DateOnly>(at[1]), r.GetInt32(at[2]), kings, r.GetBoolean(at[4])));
        }, ct);
        return byPatient;
    }

    // The codes of KingsStage.ToCode, as literals (so one instance each); anything else is kept as read.
    private static string KingsStageCode(ReadOnlySpan<char> code) => code switch
    {
        "1" => "1",
        "2" => "2",
        "3" => "3",
        "4A" => "4A",
        "4B" => "4B",
        "5" => "5",
        _ => code.ToString(),
    };
}

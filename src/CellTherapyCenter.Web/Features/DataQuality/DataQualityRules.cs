using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Clinical.DataQuality;
using CellTherapyCenter.Clinical.Text;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Features.FollowUp;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.DataQuality;

/// <summary>The kind of record a finding points at, so the page can link to its form.</summary>
public enum FindingRecord
{
    Visit,
    Assessment,
    Course,
    [Display(Name = "Adverse event")]
    AdverseEvent,
    Diagnosis,
    /// <summary>Something missing rather than wrong (a gap): the link records what is missing.</summary>
    Patient,
}

/// <summary>What the page may show of a patient; <see cref="Patients.PatientIdentityView"/> decides which parts.</summary>
public sealed record FindingPatient(Guid Id, string FamilyName, string GivenName, string Pseudonym, DateOnly DateOfBirth, bool IsSynthetic);

/// <summary>One record that breaks a rule: what is wrong and, for unusual values, the reason kept when they were saved anyway.</summary>
public sealed record Finding(FindingPatient Patient, DateOnly Date, FindingRecord Record, Guid RecordId, string Problem, string? Reason = null);

public sealed record DataQualityReport(
    IReadOnlyList<Finding> Incomplete, IReadOnlyList<Finding> Unusual, IReadOnlyList<Finding> Duplicates, IReadOnlyList<Finding> Gaps, int GapDays)
{
    public IEnumerable<Guid> PatientIds => Incomplete.Concat(Unusual).Concat(Duplicates).Concat(Gaps).Select(f => f.Patient.Id).Distinct();
}

/// <summary>
/// The data-quality rules, REDCap's habit: each is one query over the whole registry (no query per
/// patient or record), records voided or of voided patients left out. Incomplete forms; values
/// outside the soft ranges of <see cref="RangeRules"/> (the numbers the forms warn with) and visits
/// before the diagnosis; duplicates (one cell-product lot given twice on one date, two ALSFRS-R of
/// a patient on one day); gaps (a treated patient, alive, with no ALSFRS-R for longer than
/// <see cref="GapDays"/>).
/// </summary>
public static class DataQualityRules
{
    /// <summary>
    /// The longest the follow-up plan leaves between two planned ALSFRS-R: a year between the
    /// yearly visits, plus the later visits' window after the target (FollowUp:LaterVisitDaysAfter).
    /// </summary>
    public static int GapDays(FollowUpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return 365 + options.LaterVisitDaysAfter;
    }

    public static async Task<DataQualityReport> RunAsync(RegistryDbContext db, DateOnly today, int gapDays, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var incomplete = (await IncompleteVisitsAsync(db, ct)).Concat(await IncompleteAssessmentsAsync(db, ct))
            .Concat(await IncompleteCoursesAsync(db, ct)).Concat(await IncompleteAdverseEventsAsync(db, ct)).Concat(await IncompleteDiagnosesAsync(db, ct))
            .OrderBy(f => f.Date).ToList();
        var unusual = (await UnusualValuesAsync(db, ct)).Concat(await VisitsBeforeDiagnosisAsync(db, ct)).OrderBy(f => f.Date).ToList();
        var duplicates = (await RepeatedLotsAsync(db, ct)).Concat(await SameDayAssessmentsAsync(db, ct)).OrderBy(f => f.Date).ToList();
        var gaps = await GapsAsync(db, today, gapDays, ct);
        return new(incomplete, unusual, duplicates, gaps, gapDays);
    }

    public static async Task<List<Finding>> IncompleteVisitsAsync(RegistryDbContext db, CancellationToken ct) =>
        (await db.Visits.AsNoTracking()
            .Where(v => v.VoidedAt == null && v.Patient!.VoidedAt == null && v.Status == FormStatus.Incomplete)
            .Select(v => new { v.Id, v.Date, v.Kind, P = new FindingPatient(v.PatientId, v.Patient!.FamilyName, v.Patient.GivenName, v.Patient.Pseudonym, v.Patient.DateOfBirth, v.Patient.IsSynthetic) })
            .ToListAsync(ct))
        .Select(v => new Finding(v.P, v.Date, FindingRecord.Visit, v.Id, $"{EnumText.Describe(v.Kind)} visit marked incomplete")).ToList();

    public static async Task<List<Finding>> IncompleteAssessmentsAsync(RegistryDbContext db, CancellationToken ct) =>
        (await db.AlsfrsRAssessments.AsNoTracking()
            .Where(a => a.VoidedAt == null && a.Patient!.VoidedAt == null && (a.Status == FormStatus.Incomplete || !a.IsComplete))
            .Select(a => new { a.Id, a.AssessedOn, a.IsComplete, P = new FindingPatient(a.PatientId, a.Patient!.FamilyName, a.Patient.GivenName, a.Patient.Pseudonym, a.Patient.DateOfBirth, a.Patient.IsSynthetic) })
            .ToListAsync(ct))
        .Select(a => new Finding(a.P, a.AssessedOn, FindingRecord.Assessment, a.Id, a.IsComplete ? "ALSFRS-R marked incomplete" : "ALSFRS-R with unanswered items")).ToList();

    /// <summary>Courses marked incomplete, and courses (of any status) without a transplantation in force, which the outcome figures do not count as treatment.</summary>
    public static async Task<List<Finding>> IncompleteCoursesAsync(RegistryDbContext db, CancellationToken ct) =>
        (await db.TreatmentCourses.AsNoTracking()
            .Where(c => c.VoidedAt == null && c.Patient!.VoidedAt == null && (c.Status == FormStatus.Incomplete || !c.Transplantations.Any(t => t.VoidedAt == null)))
            .Select(c => new { c.Id, c.StartDate, c.Number, Given = c.Transplantations.Any(t => t.VoidedAt == null), P = new FindingPatient(c.PatientId, c.Patient!.FamilyName, c.Patient.GivenName, c.Patient.Pseudonym, c.Patient.DateOfBirth, c.Patient.IsSynthetic) })
            .ToListAsync(ct))
        .Select(c => new Finding(c.P, c.StartDate, FindingRecord.Course, c.Id, c.Given ? $"Treatment course {c.Number} marked incomplete" : $"Treatment course {c.Number} without a transplantation")).ToList();

    public static async Task<List<Finding>> IncompleteAdverseEventsAsync(RegistryDbContext db, CancellationToken ct) =>
        (await db.AdverseEvents.AsNoTracking()
            .Where(e => e.VoidedAt == null && e.Patient!.VoidedAt == null && e.Status == FormStatus.Incomplete)
            .Select(e => new { e.Id, e.OnsetDate, P = new FindingPatient(e.PatientId, e.Patient!.FamilyName, e.Patient.GivenName, e.Patient.Pseudonym, e.Patient.DateOfBirth, e.Patient.IsSynthetic) })
            .ToListAsync(ct))
        .Select(e => new Finding(e.P, e.OnsetDate, FindingRecord.AdverseEvent, e.Id, "Adverse event report marked incomplete")).ToList();

    /// <summary>Diagnoses marked incomplete, dated by the diagnosis (or, without one, the record's entry).</summary>
    public static async Task<List<Finding>> IncompleteDiagnosesAsync(RegistryDbContext db, CancellationToken ct) =>
        (await db.Diagnoses.AsNoTracking()
            .Where(d => d.VoidedAt == null && d.Patient!.VoidedAt == null && d.Status == FormStatus.Incomplete)
            .Select(d => new { d.Id, d.DiagnosisDate, d.CreatedAt, P = new FindingPatient(d.PatientId, d.Patient!.FamilyName, d.Patient.GivenName, d.Patient.Pseudonym, d.Patient.DateOfBirth, d.Patient.IsSynthetic) })
            .ToListAsync(ct))
        .Select(d => new Finding(d.P, d.DiagnosisDate ?? DateOnly.FromDateTime(d.CreatedAt), FindingRecord.Diagnosis, d.Id, "Diagnosis marked incomplete")).ToList();

    /// <summary>Every numeric rule of <see cref="RangeRules"/> in one query; each value outside its soft range is a finding.</summary>
    public static async Task<List<Finding>> UnusualValuesAsync(RegistryDbContext db, CancellationToken ct)
    {
        var fvc = RangeRules.FvcPercentPredicted;
        var weight = RangeRules.WeightKg;
        double fvcMin = fvc.UsualMin, fvcMax = fvc.UsualMax, weightMin = weight.UsualMin, weightMax = weight.UsualMax;
        var rows = await db.Visits.AsNoTracking()
            .Where(v => v.VoidedAt == null && v.Patient!.VoidedAt == null
                && (v.FvcPercentPredicted < fvcMin || v.FvcPercentPredicted > fvcMax || v.WeightKg < weightMin || v.WeightKg > weightMax))
            .Select(v => new { v.Id, v.Date, v.FvcPercentPredicted, v.WeightKg, v.RangeWarningReason, P = new FindingPatient(v.PatientId, v.Patient!.FamilyName, v.Patient.GivenName, v.Patient.Pseudonym, v.Patient.DateOfBirth, v.Patient.IsSynthetic) })
            .ToListAsync(ct);
        var findings = new List<Finding>();
        foreach (var v in rows)
            foreach (var (rule, value) in new[] { (fvc, v.FvcPercentPredicted), (weight, v.WeightKg) })
                if (value is { } x && rule.Check(x) != RangeVerdict.Usual)
                    findings.Add(new(v.P, v.Date, FindingRecord.Visit, v.Id, rule.SoftMessage(x).Split(". ")[0] + ".", v.RangeWarningReason));
        return findings;
    }

    public static async Task<List<Finding>> VisitsBeforeDiagnosisAsync(RegistryDbContext db, CancellationToken ct) =>
        (await (from v in db.Visits.AsNoTracking()
                join d in db.Diagnoses.AsNoTracking() on v.PatientId equals d.PatientId
                where v.VoidedAt == null && d.VoidedAt == null && v.Patient!.VoidedAt == null && v.Date < d.DiagnosisDate
                select new { v.Id, v.Date, Diagnosed = d.DiagnosisDate!.Value, v.RangeWarningReason, P = new FindingPatient(v.PatientId, v.Patient!.FamilyName, v.Patient.GivenName, v.Patient.Pseudonym, v.Patient.DateOfBirth, v.Patient.IsSynthetic) })
            .ToListAsync(ct))
        .Select(v => new Finding(v.P, v.Date, FindingRecord.Visit, v.Id, $"Visit dated before the diagnosis ({v.Diagnosed:yyyy-MM-dd}).", v.RangeWarningReason)).ToList();

    /// <summary>Transplantations sharing a cell-product lot and a date with another one (of any patient).</summary>
    public static async Task<List<Finding>> RepeatedLotsAsync(RegistryDbContext db, CancellationToken ct)
    {
        var given = db.Set<Transplantation>().AsNoTracking().Where(t => t.VoidedAt == null && t.TreatmentCourse!.VoidedAt == null && t.TreatmentCourse.Patient!.VoidedAt == null);
        var repeated = given.GroupBy(t => new { t.CellProductLot, t.Date }).Where(g => g.Count() > 1).Select(g => g.Key);
        return (await given.Join(repeated, t => new { t.CellProductLot, t.Date }, k => k, (t, k) => new
        {
            t.TreatmentCourseId, t.Date, t.CellProductLot, Course = t.TreatmentCourse!.Number,
            P = new FindingPatient(t.TreatmentCourse.PatientId, t.TreatmentCourse.Patient!.FamilyName, t.TreatmentCourse.Patient.GivenName, t.TreatmentCourse.Patient.Pseudonym, t.TreatmentCourse.Patient.DateOfBirth, t.TreatmentCourse.Patient.IsSynthetic),
        })
            .ToListAsync(ct))
        .OrderBy(t => t.CellProductLot, StringComparer.Ordinal)
        .Select(t => new Finding(t.P, t.Date, FindingRecord.Course, t.TreatmentCourseId, $"Lot {t.CellProductLot} given more than once on this date (course {t.Course})")).ToList();
    }

    public static async Task<List<Finding>> SameDayAssessmentsAsync(RegistryDbContext db, CancellationToken ct)
    {
        var recorded = db.AlsfrsRAssessments.AsNoTracking().Where(a => a.VoidedAt == null && a.Patient!.VoidedAt == null);
        var repeated = recorded.GroupBy(a => new { a.PatientId, a.AssessedOn }).Where(g => g.Count() > 1).Select(g => g.Key);
        return (await recorded.Join(repeated, a => new { a.PatientId, a.AssessedOn }, k => k, (a, k) => new
        {
            a.Id, a.AssessedOn, a.Total,
            P = new FindingPatient(a.PatientId, a.Patient!.FamilyName, a.Patient.GivenName, a.Patient.Pseudonym, a.Patient.DateOfBirth, a.Patient.IsSynthetic),
        })
            .ToListAsync(ct))
        .Select(a => new Finding(a.P, a.AssessedOn, FindingRecord.Assessment, a.Id,
            $"Another ALSFRS-R of this patient on the same day (this one {(a.Total is { } t ? $"{t}/48" : "incomplete")})")).ToList();
    }

    /// <summary>Treated patients alive whose latest ALSFRS-R (or, with none, their first course) is more than <paramref name="gapDays"/> before today.</summary>
    public static async Task<List<Finding>> GapsAsync(RegistryDbContext db, DateOnly today, int gapDays, CancellationToken ct)
    {
        var cutoff = today.AddDays(-gapDays);
        var courses = db.CountedCourses();
        var assessments = db.AlsfrsRAssessments.Where(a => a.VoidedAt == null);
        var rows = await db.Patients.AsNoTracking()
            .Where(p => p.VoidedAt == null && p.VitalState != VitalState.Deceased && courses.Any(c => c.PatientId == p.Id))
            .Select(p => new
            {
                P = new FindingPatient(p.Id, p.FamilyName, p.GivenName, p.Pseudonym, p.DateOfBirth, p.IsSynthetic),
                Last = assessments.Where(a => a.PatientId == p.Id).Max(a => (DateOnly?)a.AssessedOn),
                FirstCourse = courses.Where(c => c.PatientId == p.Id).Min(c => (DateOnly?)c.StartDate),
            })
            .Where(x => (x.Last ?? x.FirstCourse) < cutoff)
            .ToListAsync(ct);
        return rows.OrderBy(x => x.Last ?? x.FirstCourse)
            .Select(x => x.Last is { } last
                ? new Finding(x.P, last, FindingRecord.Patient, x.P.Id, $"No ALSFRS-R for {today.DayNumber - last.DayNumber} days since this one")
                : new Finding(x.P, x.FirstCourse!.Value, FindingRecord.Patient, x.P.Id, $"No ALSFRS-R at all; first course began {today.DayNumber - x.FirstCourse!.Value.DayNumber} days ago"))
            .ToList();
    }
}

using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.FollowUp;

/// <summary>
/// Keeps the stored follow-up items in line with the courses. Everything it changes is added to
/// the caller's context, so the schedule commits in the same SaveChanges (and audit) as the course.
/// </summary>
public sealed class FollowUpSchedule(RegistryDbContext db, IOptions<FollowUpOptions> options, TimeProvider clock)
{
    private FollowUpOptions Options => options.Value;

    /// <summary>The clinic's today: a reminder or a due date is a date where the clinic is.</summary>
    public static DateOnly ClinicToday(TimeProvider clock, FollowUpOptions o) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), o.ClinicTimeZone).DateTime);

    public DateOnly Today => ClinicToday(clock, Options);

    /// <summary>
    /// Call after a course's fields are set and before saving (the course may be new). Generates
    /// the missing items; when the start date moved, voids open items whose window has not closed
    /// and generates them anew (closed or completed items are history and stay). Items staff
    /// rescheduled by hand keep their date: that was a decision about this patient. A voided course
    /// voids its open items. A new course supersedes the open future items of the earlier ones and
    /// fulfils a repeat-course recommendation.
    /// </summary>
    public async Task SyncCourseAsync(TreatmentCourse course, bool isNew, CancellationToken ct)
    {
        var today = Today;
        var now = clock.GetUtcNow().UtcDateTime;
        var by = "system: follow-up schedule";
        var existing = isNew ? [] : await db.Set<FollowUpItem>()
            .Where(i => i.TreatmentCourseId == course.Id && i.VoidedAt == null).ToListAsync(ct);

        if (course.IsVoided)
        {
            foreach (var item in existing.Where(i => i.Status == FollowUpStatus.Open))
                item.Void("The course was voided.", by, now);
            return;
        }

        var bySlot = existing.ToDictionary(i => (i.Kind, i.Slot));
        foreach (var planned in FollowUpPlan.For(course.StartDate, Options))
        {
            if (bySlot.TryGetValue((planned.Kind, planned.Slot), out var item))
            {
                if (item.Status != FollowUpStatus.Open || item.OriginalTargetDate is not null || item.WindowEnd < today) continue;
                if (item.TargetDate == planned.Target && item.WindowStart == planned.WindowStart && item.WindowEnd == planned.WindowEnd) continue;
                item.Void($"Course start changed: target {item.TargetDate:yyyy-MM-dd} became {planned.Target:yyyy-MM-dd}.", by, now);
            }
            db.Add(New(course, planned));
        }
        await CompleteTrackedAsync(course.PatientId, course.Id, ct);

        if (!isNew) return;
        var supersededFrom = course.StartDate;
        var earlier = await db.Set<FollowUpItem>()
            .Where(i => i.PatientId == course.PatientId && i.TreatmentCourseId != course.Id && i.VoidedAt == null
                        && i.Status == FollowUpStatus.Open && i.TargetDate >= supersededFrom)
            .ToListAsync(ct);
        foreach (var item in earlier) item.Void($"Superseded by course {course.Number}.", by, now);
        var settings = await db.Set<PatientFollowUp>().FirstOrDefaultAsync(f => f.PatientId == course.PatientId && f.VoidedAt == null, ct);
        if (settings?.RepeatCourseTargetDate is not null)
        {
            settings.RepeatCourseTargetDate = null;
            settings.RepeatCourseNote = null;
            settings.RepeatCourseRecommendedBy = null;
        }
    }

    private static FollowUpItem New(TreatmentCourse course, PlannedItem p) => new()
    {
        PatientId = course.PatientId, TreatmentCourseId = course.Id, Kind = p.Kind, Slot = p.Slot, Label = p.Label,
        TargetDate = p.Target, WindowStart = p.WindowStart, WindowEnd = p.WindowEnd,
    };

    /// <summary>
    /// Marks open items completed when a visit (for visits) or a self-administered ALSFRS-R (rater
    /// patient or caregiver, for self-reports) lies in the item's window. Changes are tracked, so
    /// the caller's save audits them. Returns how many items it completed.
    /// </summary>
    public static async Task<int> CompleteAsync(RegistryDbContext db, IQueryable<FollowUpItem> candidates, CancellationToken ct)
    {
        var matches = await candidates
            .Where(i => i.Status == FollowUpStatus.Open && i.VoidedAt == null)
            .Select(i => new
            {
                Item = i,
                VisitId = i.Kind == FollowUpKind.Visit
                    ? db.Visits.Where(v => v.PatientId == i.PatientId && v.VoidedAt == null && v.Date >= i.WindowStart && v.Date <= i.WindowEnd)
                        .OrderBy(v => v.Date).Select(v => (Guid?)v.Id).FirstOrDefault()
                    : null,
                AssessmentId = i.Kind == FollowUpKind.SelfReport
                    ? db.AlsfrsRAssessments.Where(a => a.PatientId == i.PatientId && a.VoidedAt == null
                            && (a.Rater == AssessmentRater.Patient || a.Rater == AssessmentRater.Caregiver)
                            && a.AssessedOn >= i.WindowStart && a.AssessedOn <= i.WindowEnd)
                        .OrderBy(a => a.AssessedOn).Select(a => (Guid?)a.Id).FirstOrDefault()
                    : null,
            })
            .Where(m => m.VisitId != null || m.AssessmentId != null)
            .ToListAsync(ct);
        if (matches.Count == 0) return 0;

        var visitIds = matches.Where(m => m.VisitId != null).Select(m => m.VisitId!.Value).ToList();
        var assessmentIds = matches.Where(m => m.AssessmentId != null).Select(m => m.AssessmentId!.Value).ToList();
        var visitDates = visitIds.Count == 0 ? [] : await db.Visits.Where(v => visitIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Date, ct);
        var assessmentDates = assessmentIds.Count == 0 ? [] : await db.AlsfrsRAssessments.Where(a => assessmentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.AssessedOn, ct);
        foreach (var m in matches)
        {
            m.Item.Status = FollowUpStatus.Completed;
            m.Item.CompletedByVisitId = m.VisitId;
            m.Item.CompletedByAssessmentId = m.AssessmentId;
            m.Item.CompletedOn = m.VisitId is { } v ? visitDates[v] : assessmentDates[m.AssessmentId!.Value];
        }
        return matches.Count;
    }

    /// <summary>
    /// Completes the course's open items, new ones included (not yet in the database, hence matched
    /// here in memory), from the patient's visits and self-reports: a course entered after the fact
    /// arrives with its history done.
    /// </summary>
    private async Task CompleteTrackedAsync(Guid patientId, Guid courseId, CancellationToken ct)
    {
        var open = db.ChangeTracker.Entries<FollowUpItem>()
            .Where(e => e.Entity.TreatmentCourseId == courseId && e.Entity.Status == FollowUpStatus.Open && !e.Entity.IsVoided)
            .Select(e => e.Entity).ToList();
        if (open.Count == 0) return;
        var visits = await db.Visits.AsNoTracking().Where(v => v.PatientId == patientId && v.VoidedAt == null)
            .OrderBy(v => v.Date).Select(v => new DatedRecord(v.Id, v.Date)).ToListAsync(ct);
        var reports = await db.AlsfrsRAssessments.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.VoidedAt == null && (a.Rater == AssessmentRater.Patient || a.Rater == AssessmentRater.Caregiver))
            .OrderBy(a => a.AssessedOn).Select(a => new DatedRecord(a.Id, a.AssessedOn)).ToListAsync(ct);
        CompleteFrom(open, visits, reports);
    }

    /// <summary>A visit or a self-report, by date.</summary>
    public readonly record struct DatedRecord(Guid Id, DateOnly Date);

    /// <summary>
    /// Completes each open item from the first visit (for visits) or self-report (for
    /// self-reports) in its window; both lists in date order, of one patient.
    /// </summary>
    public static void CompleteFrom(IEnumerable<FollowUpItem> items, IReadOnlyList<DatedRecord> visits, IReadOnlyList<DatedRecord> selfReports)
    {
        foreach (var item in items)
        {
            if (item.Status != FollowUpStatus.Open) continue;
            var source = item.Kind == FollowUpKind.Visit ? visits : selfReports;
            foreach (var r in source)
            {
                if (r.Date < item.WindowStart) continue;
                if (r.Date > item.WindowEnd) break;
                item.Status = FollowUpStatus.Completed;
                item.CompletedOn = r.Date;
                if (item.Kind == FollowUpKind.Visit) item.CompletedByVisitId = r.Id; else item.CompletedByAssessmentId = r.Id;
                break;
            }
        }
    }

    /// <summary>
    /// The schedule of a patient's courses as they would stand had each course been saved in turn:
    /// items an earlier course planned on or after the next course's start are left out (the live
    /// path voids them), and items already covered by a visit or self-report are completed. Used
    /// by the demo seeder, which writes records in bulk rather than through the course form.
    /// </summary>
    public static IEnumerable<FollowUpItem> ForHistory(IReadOnlyList<TreatmentCourse> courses, IReadOnlyList<DatedRecord> visits,
        IReadOnlyList<DatedRecord> selfReports, FollowUpOptions o)
    {
        var ordered = courses.Where(c => !c.IsVoided).OrderBy(c => c.StartDate).ToList();
        for (var k = 0; k < ordered.Count; k++)
        {
            var next = k + 1 < ordered.Count ? ordered[k + 1].StartDate : DateOnly.MaxValue;
            var items = FollowUpPlan.For(ordered[k].StartDate, o).Where(p => p.Target < next).Select(p => New(ordered[k], p)).ToList();
            CompleteFrom(items, visits, selfReports);
            foreach (var item in items) yield return item;
        }
    }

    /// <summary>Completes what the patient's existing visits and self-reports already cover.</summary>
    public Task<int> CompleteForPatientAsync(Guid patientId, CancellationToken ct) =>
        CompleteAsync(db, db.Set<FollowUpItem>().Where(i => i.PatientId == patientId), ct);
}

using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Features.Portal.SelfReport;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Portal;

/// <summary>
/// The portal's start: whom the account acts for, the questionnaire due (or the one half done),
/// how the last self-report compares with the one before it, the change after a course if it has
/// not been reported, and the next appointments.
/// </summary>
public sealed class HomeModel(PortalSession session, PatientReadAudit audit, RegistryDbContext db, PortalQuestionnaires questionnaires,
    UserManager<StaffUser> users)
    : PortalPageModel(session, audit)
{
    /// <summary>How long after a course starts the change it made is asked about.</summary>
    public const int ChangeAskedAfterDays = 28;

    public string PatientName { get; private set; } = "";
    public DraftState? AlsfrsR { get; private set; }
    public DateOnly? LastSent { get; private set; }
    public ChangeSinceLast? Change { get; private set; }
    public FollowUpItem? DueSelfReport { get; private set; }
    public CourseToRate? ChangeDue { get; private set; }
    public DraftState? ChangeDraft { get; private set; }
    public List<FollowUpItem> Appointments { get; private set; } = [];
    /// <summary>Whether to offer a passkey: the sign-in has none yet.</summary>
    public bool OfferPasskey { get; private set; }

    public sealed record DraftState(Guid Id, int Answered, int Total);
    public sealed record CourseToRate(Guid Id, int Number, DateOnly StartDate);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var patientId = Account.PatientId;
        var today = questionnaires.Today;
        PatientName = await db.Patients.Where(p => p.Id == patientId).Select(p => p.GivenName).SingleAsync(ct);
        var drafts = await db.PortalQuestionnaires.AsNoTracking()
            .Where(q => q.PortalAccountId == Account.Id && q.PatientId == patientId && q.SentAt == null && q.VoidedAt == null).ToListAsync(ct);
        AlsfrsR = State(drafts.FirstOrDefault(d => d.Kind == QuestionnaireKind.AlsfrsR));
        LastSent = await db.AlsfrsRAssessments.Where(a => a.PatientId == patientId && a.VoidedAt == null
                && a.Mode == AssessmentMode.SelfAdministeredOnline)
            .OrderByDescending(a => a.AssessedOn).Select(a => (DateOnly?)a.AssessedOn).FirstOrDefaultAsync(ct);
        if (await SelfReportChanges.LatestAsync(db, patientId, ct) is { } latestSelfReport)
            Change = await SelfReportChanges.SinceLastAsync(db, latestSelfReport, ct);
        DueSelfReport = await db.FollowUpItems.AsNoTracking()
            .Where(i => i.PatientId == patientId && i.Kind == FollowUpKind.SelfReport && i.Status == FollowUpStatus.Open && i.VoidedAt == null
                        && i.WindowStart <= today && i.WindowEnd >= today)
            .OrderBy(i => i.TargetDate).FirstOrDefaultAsync(ct);
        Appointments = await Records.Appointments.NextAsync(db, patientId, today, ct);

        var courses = await db.TreatmentCourses.AsNoTracking().Where(c => c.PatientId == patientId && c.VoidedAt == null)
            .OrderBy(c => c.StartDate).Select(c => new { c.Id, c.StartDate }).ToListAsync(ct);
        var latest = courses.Select((c, i) => new CourseToRate(c.Id, i + 1, c.StartDate))
            .LastOrDefault(c => c.StartDate.AddDays(ChangeAskedAfterDays) <= today);
        if (latest is not null)
        {
            var reported = await db.Visits.AnyAsync(v => v.PatientId == patientId && v.TreatmentCourseId == latest.Id && v.VoidedAt == null
                && v.ReportedChanges.Any(r => r.VoidedAt == null), ct);
            if (!reported)
            {
                ChangeDue = latest;
                ChangeDraft = State(drafts.FirstOrDefault(d => d.Kind == QuestionnaireKind.CourseChange && d.TreatmentCourseId == latest.Id));
            }
        }
        OfferPasskey = await users.GetUserAsync(User) is { } user && (await users.GetPasskeysAsync(user)).Count == 0;
        AuditRead("portal home");
    }

    private static DraftState? State(PortalQuestionnaire? draft)
    {
        if (draft is null) return null;
        var steps = QuestionnaireSteps.For(draft.Kind);
        return new(draft.Id, QuestionnaireAnswers.Parse(draft.Answers).AnsweredCount(steps), steps.Count);
    }

    public async Task<IActionResult> OnPostAlsfrsRAsync(CancellationToken ct)
    {
        var q = await questionnaires.StartOrResumeAsync(Account, QuestionnaireKind.AlsfrsR, null, ct);
        return RedirectToPage("/Portal/SelfReport/Questionnaire", new { id = q.Id });
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid courseId, CancellationToken ct)
    {
        var owned = await db.TreatmentCourses.AnyAsync(c => c.Id == courseId && c.PatientId == Account.PatientId && c.VoidedAt == null, ct);
        if (!owned) return NotFound();
        var q = await questionnaires.StartOrResumeAsync(Account, QuestionnaireKind.CourseChange, courseId, ct);
        return RedirectToPage("/Portal/SelfReport/Questionnaire", new { id = q.Id });
    }
}

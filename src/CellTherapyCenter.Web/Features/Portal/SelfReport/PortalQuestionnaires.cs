using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Features.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Portal.SelfReport;

/// <summary>
/// Starting, answering and sending portal questionnaires. Every answer is committed before the
/// next screen is shown. Sending turns the answers into the registry's record in one commit: an
/// ALSFRS-R rated by the patient or caregiver, mode self-administered online; or a remote visit
/// of the course holding the patient-reported changes.
/// </summary>
public sealed class PortalQuestionnaires(RegistryDbContext db, TimeProvider clock, IOptions<FollowUpOptions> followUp)
{
    public DateOnly Today => FollowUpSchedule.ClinicToday(clock, followUp.Value);

    /// <summary>The account's unsent questionnaire of this kind (and course), or a new one.</summary>
    public async Task<PortalQuestionnaire> StartOrResumeAsync(PortalAccount account, QuestionnaireKind kind, Guid? courseId, CancellationToken ct)
    {
        var open = await db.PortalQuestionnaires.FirstOrDefaultAsync(q => q.PortalAccountId == account.Id && q.PatientId == account.PatientId
            && q.Kind == kind && q.TreatmentCourseId == courseId && q.SentAt == null && q.VoidedAt == null, ct);
        if (open is not null) return open;
        var started = new PortalQuestionnaire { PatientId = account.PatientId, PortalAccountId = account.Id, Kind = kind, TreatmentCourseId = courseId };
        db.PortalQuestionnaires.Add(started);
        await db.SaveChangesAsync(ct);
        return started;
    }

    /// <summary>One of the account's own questionnaires; another patient's or account's id finds nothing.</summary>
    public Task<PortalQuestionnaire?> FindAsync(PortalAccount account, Guid id, CancellationToken ct) =>
        db.PortalQuestionnaires.FirstOrDefaultAsync(q => q.Id == id && q.PatientId == account.PatientId
            && q.PortalAccountId == account.Id && q.VoidedAt == null, ct);

    /// <summary>Saves answers; a concurrent save of the same questionnaire (a second tab) is merged, not lost.</summary>
    public async Task SaveAsync(PortalQuestionnaire questionnaire, IReadOnlyList<(QuestionnaireStep Step, int Value)> answers, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var merged = QuestionnaireAnswers.Parse(questionnaire.Answers);
            foreach (var (step, value) in answers) merged.Set(step, value);
            questionnaire.Answers = merged.ToJson();
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                await db.Entry(questionnaire).ReloadAsync(ct);
                if (questionnaire.IsSent || questionnaire.IsVoided) throw new InvalidOperationException("The questionnaire was sent meanwhile.");
            }
        }
    }

    /// <summary>Sends a complete questionnaire; returns the id of the record it became.</summary>
    public async Task<Guid> SendAsync(PortalAccount account, PortalQuestionnaire questionnaire, CancellationToken ct)
    {
        var steps = QuestionnaireSteps.For(questionnaire.Kind);
        var answers = QuestionnaireAnswers.Parse(questionnaire.Answers);
        if (!answers.IsComplete(steps)) throw new InvalidOperationException("Not every question is answered.");
        var today = Today;
        Guid resultId;
        if (questionnaire.Kind == QuestionnaireKind.AlsfrsR)
        {
            var assessment = new AlsfrsRAssessment
            {
                PatientId = account.PatientId, AssessedOn = today, Rater = account.Rater, Mode = AssessmentMode.SelfAdministeredOnline,
            };
            assessment.SetResponses(answers.ToAlsfrsR());
            db.AlsfrsRAssessments.Add(assessment);
            resultId = assessment.Id;
        }
        else
        {
            var visit = new Visit
            {
                PatientId = account.PatientId, Date = today, Kind = VisitKind.Remote, TreatmentCourseId = questionnaire.TreatmentCourseId,
                Notes = account.Role == PortalRole.Caregiver
                    ? "Change after the course, reported in the patient portal by a caregiver."
                    : "Change after the course, reported in the patient portal by the patient.",
            };
            foreach (var (aspect, rating) in answers.ChangeRatings())
                visit.ReportedChanges.Add(new PatientReportedChange { VisitId = visit.Id, PatientId = account.PatientId, Aspect = aspect, Rating = rating });
            db.Visits.Add(visit);
            resultId = visit.Id;
        }
        questionnaire.SentAt = clock.GetUtcNow().UtcDateTime;
        questionnaire.ResultId = resultId;
        await db.SaveWithSummaryAsync(account.PatientId, ct);

        // The follow-up item this answers is completed now rather than at the scheduler's next
        // pass, so the portal shows it done; if this second save fails, the scheduler does it.
        try
        {
            var patientId = account.PatientId;
            if (await FollowUpSchedule.CompleteAsync(db, db.FollowUpItems.Where(i => i.PatientId == patientId && i.Status == FollowUpStatus.Open
                    && i.VoidedAt == null && i.WindowStart <= today && i.WindowEnd >= today.AddDays(-90)), ct) > 0)
                await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
        return resultId;
    }
}

using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Portal.SelfReport;

/// <summary>
/// Answering a questionnaire, one question per screen (each answer a single large button: one
/// press answers and moves on) or all questions on one page, as the account prefers. Every
/// answer is committed at once, so closing the page loses nothing.
/// </summary>
public sealed class QuestionnaireModel(PortalSession session, PatientReadAudit audit, RegistryDbContext db,
    PortalQuestionnaires questionnaires, SelfReportText text) : QuestionnairePageModel(session, audit, questionnaires, text)
{
    /// <summary>The step shown, one-per-screen; null when all are shown.</summary>
    public StepView? Shown { get; private set; }
    public bool Saved { get; private set; }
    public string? CaregiverNote => Account.Role == PortalRole.Caregiver ? Text.CaregiverNote : null;

    public async Task<IActionResult> OnGetAsync(Guid id, int? step, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        if (!Account.OneQuestionPerScreen) return Page();
        var answers = QuestionnaireAnswers.Parse(Questionnaire.Answers);
        var index = step ?? answers.FirstUnanswered(QuestionnaireSteps.For(Questionnaire.Kind));
        if (index is null) return RedirectToPage("/Portal/SelfReport/Review", new { id });
        if (index < 0 || index >= Steps.Count) return NotFound();
        Shown = Steps[index.Value];
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, int step, int value, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        if (step < 0 || step >= Steps.Count || !Steps[step].Step.Accepts(value)) return BadRequest();
        await Questionnaires.SaveAsync(Questionnaire, [(Steps[step].Step, value)], ct);
        var answers = QuestionnaireAnswers.Parse(Questionnaire.Answers);
        var all = QuestionnaireSteps.For(Questionnaire.Kind);
        // Onwards to the next question still open (after this one first), then to the review.
        var next = Enumerable.Range(step + 1, all.Count - step - 1).Concat(Enumerable.Range(0, step + 1))
            .Cast<int?>().FirstOrDefault(i => answers[all[i!.Value].Key] is null);
        return next is null ? RedirectToPage("/Portal/SelfReport/Review", new { id }) : RedirectToPage("/Portal/SelfReport/Questionnaire", new { id, step = next });
    }

    public async Task<IActionResult> OnPostAllAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var saved = QuestionnaireAnswers.Parse(Questionnaire.Answers);
        var given = new List<(QuestionnaireStep, int)>();
        int? gastrostomy = null;
        foreach (var view in Steps)
        {
            if (!int.TryParse(Request.Form[view.Step.Key], out var value) || !view.Step.Accepts(value)) continue;
            if (view.Step.IsGastrostomy) gastrostomy = value;
            // An item-5 answer given to the question for the other feeding situation is not kept.
            if (view.Step.Item == Clinical.Alsfrs.AlsfrsRItem.CuttingFood && gastrostomy is { } g
                && (g == 1) != (saved[QuestionnaireSteps.GastrostomyKey] == 1)) continue;
            given.Add((view.Step, value));
        }
        if (given.Count > 0) await Questionnaires.SaveAsync(Questionnaire, given, ct);
        if (QuestionnaireAnswers.Parse(Questionnaire.Answers).IsComplete(QuestionnaireSteps.For(Questionnaire.Kind)))
            return RedirectToPage("/Portal/SelfReport/Review", new { id });
        Steps = QuestionnaireView.Build(Questionnaire.Kind, QuestionnaireAnswers.Parse(Questionnaire.Answers), Text);
        Saved = true;
        return Page();
    }

    /// <summary>Switches between one question per screen and all on one page; the choice is kept on the account.</summary>
    public async Task<IActionResult> OnPostLayoutAsync(Guid id, bool oneQuestionPerScreen, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var account = await db.PortalAccounts.SingleAsync(a => a.Id == Account.Id, ct);
        account.OneQuestionPerScreen = oneQuestionPerScreen;
        await db.SaveChangesAsync(ct);
        return Redirect(Url.PageWithoutAmbientValues("/Portal/SelfReport/Questionnaire", null, new { id })!);
    }

    private Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct) => LoadAsync(id, "portal questionnaire", ct);
}

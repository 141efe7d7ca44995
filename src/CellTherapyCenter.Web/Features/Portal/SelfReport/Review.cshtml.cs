using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CellTherapyCenter.Web.Features.Portal.SelfReport;

/// <summary>Every answer with a way to change it, and the button that sends the questionnaire to the clinic.</summary>
public sealed class ReviewModel(PortalSession session, AuditLog audit, PortalQuestionnaires questionnaires, SelfReportText text)
    : PortalPageModel(session, audit)
{
    public PortalQuestionnaire Questionnaire { get; private set; } = null!;
    public IReadOnlyList<StepView> Steps { get; private set; } = [];
    public bool IsComplete => Steps.All(s => s.Current is not null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        if (!IsComplete) return Page();
        await questionnaires.SendAsync(Account, Questionnaire, ct);
        return Redirect($"/portal/questionnaires/{id}/sent");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await questionnaires.FindAsync(Account, id, ct) is not { } q) return NotFound();
        if (q.IsSent) return Redirect($"/portal/questionnaires/{id}/sent");
        Questionnaire = q;
        Steps = QuestionnaireView.Build(q.Kind, QuestionnaireAnswers.Parse(q.Answers), text);
        await AuditReadAsync("portal questionnaire review", q.Id.ToString());
        return null;
    }
}

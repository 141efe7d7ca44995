using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CellTherapyCenter.Web.Features.Portal.SelfReport;

/// <summary>Every answer with a way to change it, and the button that sends the questionnaire to the clinic.</summary>
public sealed class ReviewModel(PortalSession session, PatientReadAudit audit, PortalQuestionnaires questionnaires, SelfReportText text)
    : QuestionnairePageModel(session, audit, questionnaires, text)
{
    public bool IsComplete => Steps.All(s => s.Current is not null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        if (!IsComplete) return Page();
        await Questionnaires.SendAsync(Account, Questionnaire, ct);
        return RedirectToPage("/Portal/SelfReport/Sent", new { id });
    }

    private Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct) => LoadAsync(id, "portal questionnaire review", ct);
}

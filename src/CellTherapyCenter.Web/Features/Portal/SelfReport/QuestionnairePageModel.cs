using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CellTherapyCenter.Web.Features.Portal.SelfReport;

/// <summary>Base of the pages of an unsent questionnaire: loads it within the account, or says why not.</summary>
public abstract class QuestionnairePageModel(PortalSession session, PatientReadAudit audit, PortalQuestionnaires questionnaires, SelfReportText text)
    : PortalPageModel(session, audit)
{
    public PortalQuestionnaire Questionnaire { get; private set; } = null!;
    public IReadOnlyList<StepView> Steps { get; protected set; } = [];

    protected SelfReportText Text => text;
    protected PortalQuestionnaires Questionnaires => questionnaires;

    /// <summary>Null when loaded; otherwise 404 (not the account's) or a redirect to the sent page.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid id, string what, CancellationToken ct)
    {
        if (await questionnaires.FindAsync(Account, id, ct) is not { } q) return NotFound();
        if (q.IsSent) return RedirectToPage("/Portal/SelfReport/Sent", new { id });
        Questionnaire = q;
        Steps = QuestionnaireView.Build(q.Kind, QuestionnaireAnswers.Parse(q.Answers), text);
        AuditRead(what, q.Id.ToString());
        return null;
    }
}

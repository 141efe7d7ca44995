using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Portal.SelfReport;

/// <summary>Thanks, and for an ALSFRS-R the total it gave with its four domains and the change since the self-report before.</summary>
public sealed class SentModel(PortalSession session, PatientReadAudit audit, PortalQuestionnaires questionnaires, RegistryDbContext db)
    : PortalPageModel(session, audit)
{
    public PortalQuestionnaire Questionnaire { get; private set; } = null!;
    public AlsfrsRAssessment? Assessment { get; private set; }
    public ChangeSinceLast? Change { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await questionnaires.FindAsync(Account, id, ct) is not { } q) return NotFound();
        if (!q.IsSent) return RedirectToPage("/Portal/SelfReport/Questionnaire", new { id });
        Questionnaire = q;
        if (q.Kind == QuestionnaireKind.AlsfrsR)
            Assessment = await db.AlsfrsRAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == q.ResultId && a.PatientId == Account.PatientId, ct);
        if (Assessment is not null) Change = await SelfReportChanges.SinceLastAsync(db, Assessment, ct);
        AuditRead("portal questionnaire sent", q.Id.ToString());
        return Page();
    }
}

using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Portal.Records;

/// <summary>The patient's documents: what they consented to (the exact wording), and their answers to download.</summary>
public sealed class DocumentsModel(PortalSession session, PatientReadAudit audit, RegistryDbContext db) : PortalPageModel(session, audit)
{
    public List<ConsentRecord> Consents { get; private set; } = [];
    public ConsentRecord? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? consentId, CancellationToken ct)
    {
        var patientId = Account.PatientId;
        if (consentId is { } id)
        {
            Shown = await db.Consents.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.PatientId == patientId && c.VoidedAt == null, ct);
            if (Shown is null) return NotFound();
            AuditRead("portal consent document", id.ToString());
            return Page();
        }
        Consents = await db.Consents.AsNoTracking().Where(c => c.PatientId == patientId && c.VoidedAt == null)
            .OrderBy(c => c.GivenAt).ToListAsync(ct);
        AuditRead("portal documents");
        return Page();
    }
}

using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Inquiries;
using CellTherapyCenter.Web.Features.Privacy;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Inquiries;

/// <summary>
/// Deletes a request and its documents when its sender asks (GDPR Art. 17), after asking staff to
/// confirm. A request that became a patient is refused: the patient's erasure covers it. The
/// deletion is audited without the deleted content (<see cref="InquiryDeletion"/>).
/// </summary>
[Authorize(Policy = StaffPolicies.EditRegistry)]
[ReadsPatientData(nameof(Inquiry), "delete confirmation")]
public sealed class DeleteInquiryModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock) : PageModel
{
    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Documents { get; private set; }
    public Guid? PatientId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Inquiries.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.Reference, i.Name, Documents = i.Documents.Count, i.PatientId }).FirstOrDefaultAsync(ct);
        if (found is null) return NotFound();
        (Id, Reference, Name, Documents, PatientId) = (id, found.Reference, found.Name, found.Documents, found.PatientId);
        if (PatientId is { } patientId) audit.Read(patientId, id.ToString());
        else audit.ReadUnlinked(id.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Inquiries.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.PatientId }).FirstOrDefaultAsync(ct);
        if (found is null) return NotFound();
        if (found.PatientId is not null) return RedirectToPage("/Inquiries/DeleteInquiry", new { id });
        var actor = HttpContext.RequestServices.GetRequiredService<CellTherapyCenter.Data.Auditing.IAuditActor>();
        await InquiryDeletion.DeleteAsync(db, id, InquiryDeletion.OnRequest, actor.UserName, actor.UserId, actor.RemoteAddress,
            clock.GetUtcNow().UtcDateTime, ct);
        SavedBanner.Show(TempData, "The request and its documents were deleted.");
        return RedirectToPage("/Inquiries/Inbox");
    }
}

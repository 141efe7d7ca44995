using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Inquiries;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Inquiries;

/// <summary>One request: everything the sender gave, its documents, its status, assignee and notes.</summary>
[Authorize(Policy = StaffPolicies.EditRegistry)]
[ReadsPatientData(nameof(Inquiry), "inquiry")]
public sealed class InquiryDetailModel(RegistryDbContext db, AuditLog audit, PatientReadAudit reads, UserManager<StaffUser> users, TimeProvider clock) : PageModel
{
    public Inquiry Inquiry { get; private set; } = null!;
    public sealed record DocumentRow(Guid Id, string FileName, string ContentType, long SizeBytes);
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];
    public IReadOnlyList<InquiryNote> Notes { get; private set; } = [];
    public IReadOnlyList<string> StaffNames { get; private set; } = [];
    public string Age { get; private set; } = "";
    public string? Conflict { get; private set; }

    [BindProperty] public InquiryStatus NewStatus { get; set; }
    [TextLimit(FieldLengths.UserName)]
    [BindProperty] public string? Assignee { get; set; }
    [BindProperty] public Guid ConcurrencyStamp { get; set; }
    [TextLimit(FieldLengths.Note)]
    [BindProperty] public string? NoteText { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Inquiry.PatientId is { } patientId) reads.Read(patientId, id.ToString());
        else reads.ReadUnlinked(id.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct)
    {
        var inquiry = await db.Inquiries.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inquiry is null) return NotFound();
        var staff = await StaffNamesAsync(ct);
        if (!Enum.IsDefined(NewStatus)) ModelState.AddModelError(nameof(NewStatus), "Choose a status from the list.");
        var assignee = string.IsNullOrWhiteSpace(Assignee) ? null : Assignee;
        if (assignee is not null && !staff.Contains(assignee)) ModelState.AddModelError(nameof(Assignee), "Choose a member of staff from the list.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        var before = new { inquiry.Status, inquiry.AssigneeUserName };
        db.Entry(inquiry).Property(i => i.ConcurrencyStamp).OriginalValue = ConcurrencyStamp;
        inquiry.Status = NewStatus;
        inquiry.AssigneeUserName = assignee;
        inquiry.ConcurrencyStamp = Guid.NewGuid();
        inquiry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            ModelState.Clear();
            Conflict = FormConventions.ConcurrencyConflict;
            return Page();
        }
        await audit.WriteAsync(AuditActions.Update, nameof(Inquiry), id.ToString(), inquiry.PatientId,
            System.Text.Json.JsonSerializer.Serialize(new { before, after = new { inquiry.Status, inquiry.AssigneeUserName } }), ct);
        return RedirectToPage("/Inquiries/InquiryDetail", new { id });
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Inquiries.AnyAsync(i => i.Id == id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(NoteText)) ModelState.AddModelError(nameof(NoteText), "Write the note first.");
        else if (NoteText.Length > 4000) ModelState.AddModelError(nameof(NoteText), "A note can be at most 4000 characters.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        db.InquiryNotes.Add(new InquiryNote { InquiryId = id, At = clock.GetUtcNow().UtcDateTime, Author = User.Identity!.Name!, Text = NoteText!.Trim() });
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.Update, nameof(Inquiry), id.ToString(), null, "note added", ct);
        return RedirectToPage("/Inquiries/InquiryDetail", null, new { id }, "notes");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inquiry is null) return false;
        Inquiry = inquiry;
        Documents = await db.InquiryDocuments.AsNoTracking().Where(d => d.InquiryId == id).OrderBy(d => d.FileName)
            .Select(d => new DocumentRow(d.Id, d.FileName, d.ContentType, d.SizeBytes)).ToListAsync(ct);
        Notes = await db.InquiryNotes.AsNoTracking().Where(n => n.InquiryId == id).OrderBy(n => n.At).ToListAsync(ct);
        StaffNames = await StaffNamesAsync(ct);
        Age = RequestAge.Describe(inquiry.SubmittedAt, clock.GetUtcNow().UtcDateTime);
        if (Conflict is null && ModelState.IsValid)
        {
            NewStatus = inquiry.Status;
            Assignee = inquiry.AssigneeUserName;
        }
        ConcurrencyStamp = inquiry.ConcurrencyStamp;
        return true;
    }

    /// <summary>Staff who work the inbox (not researchers), by user name.</summary>
    private async Task<List<string>> StaffNamesAsync(CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var role in StaffPolicies.RolesOf(StaffPolicies.EditRegistry))
            names.AddRange((await users.GetUsersInRoleAsync(role)).Where(u => u.LockoutEnd is null || u.LockoutEnd < DateTimeOffset.UtcNow).Select(u => u.UserName!));
        return names.Distinct().Order().ToList();
    }
}

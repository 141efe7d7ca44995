using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.SiteEditor;

/// <summary>
/// Asks before taking something off the public site, then does it on POST: a patent or a
/// publication is deleted (site content, not patient data); a patient case is only unpublished,
/// so it stays tied to its patient and can be published again while consent is in force.
/// </summary>
[Authorize(Policy = StaffPolicies.Administer)]
[ReadsPatientData(nameof(PatientCase), "unpublish confirmation")]
public sealed class RemoveModel(RegistryDbContext db, SiteEditorSave save, PatientReadAudit audit) : PageModel
{
    public string Kind { get; private set; } = "";
    public string What { get; private set; } = "";
    public string EditUrl { get; private set; } = "";
    public bool IsCase => Kind == "cases";

    public async Task<IActionResult> OnGetAsync(string kind, string itemId, CancellationToken ct)
    {
        var item = await FindAsync(kind, itemId, tracked: false, ct);
        if (item is null) return NotFound();
        if (item is PatientCase c) audit.Read(c.PatientId, c.Id.ToString());
        else audit.NothingRead();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, string itemId, CancellationToken ct)
    {
        var item = await FindAsync(kind, itemId, tracked: true, ct);
        if (item is null) return NotFound();
        if (item is PatientCase c)
        {
            // Only the flag changes, so whatever else was saved meanwhile is kept.
            c.Published = false;
            await save.SaveAsync(c, c.ConcurrencyStamp, AuditActions.Update, User.Identity?.Name, c.PatientId, ct);
        }
        else await save.DeleteAsync(item, ct);
        return RedirectToPage("/SiteEditor/Overview");
    }

    private async Task<SiteContentRecord?> FindAsync(string kind, string itemId, bool tracked, CancellationToken ct)
    {
        if (!Guid.TryParse(itemId, out var id)) return null;
        Kind = kind;
        EditUrl = kind switch { "cases" => Url.Page("/SiteEditor/EditCase", new { caseId = id }), "patents" => Url.Page("/SiteEditor/EditPatent", new { patentId = id }), _ => Url.Page("/SiteEditor/EditPublication", new { publicationId = id }) } ?? "";
        switch (kind)
        {
            case "patents" when await Query(db.Patents, tracked).FirstOrDefaultAsync(p => p.Id == id, ct) is { } patent:
                What = $"the patent {patent.Number}: {patent.Title}";
                return patent;
            case "publications" when await Query(db.Publications, tracked).FirstOrDefaultAsync(p => p.Id == id, ct) is { } publication:
                What = $"the publication “{publication.Title}” and its file {publication.FileName}";
                return publication;
            case "cases" when await Query(db.PatientCases, tracked).FirstOrDefaultAsync(p => p.Id == id && p.Published, ct) is { } patientCase:
                What = $"the case of {patientCase.Initials}, {patientCase.AgeYears} (/cases/{patientCase.Slug})";
                return patientCase;
            default:
                return null;
        }
    }

    private static IQueryable<T> Query<T>(DbSet<T> set, bool tracked) where T : class => tracked ? set : set.AsNoTracking();
}

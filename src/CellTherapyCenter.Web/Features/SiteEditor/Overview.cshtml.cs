using CellTherapyCenter.Data;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.SiteEditor;

/// <summary>What the public site shows, with a way to edit each part. Administrators only.</summary>
[Authorize(Policy = StaffPolicies.Administer)]
[NoPatientData]
public sealed class OverviewModel(RegistryDbContext db) : PageModel
{
    public IReadOnlyList<SitePage> Pages { get; private set; } = [];
    public IReadOnlyList<PatientCase> Cases { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title, long Size, bool IsDemo)> Publications { get; private set; } = [];
    public IReadOnlyList<Patent> Patents { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, string? Role, bool HasPhoto, bool IsDemo)> Team { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pages = await db.SitePages.AsNoTracking().OrderBy(p => p.Slug).ThenBy(p => p.Language).ToListAsync(ct);
        Cases = await db.PatientCases.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Slug).ToListAsync(ct);
        Publications = (await db.Publications.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Title, p.SizeBytes, p.IsDemo }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title, p.SizeBytes, p.IsDemo)).ToList();
        Patents = await db.Patents.AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync(ct);
        Team = (await db.TeamMembers.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Name)
            .Select(m => new { m.Id, m.Name, Role = m.Texts.Where(t => t.Language == "en").Select(t => t.Role).FirstOrDefault(), HasPhoto = db.TeamPhotos.Any(p => p.TeamMemberId == m.Id), m.IsDemo })
            .ToListAsync(ct)).Select(m => (m.Id, m.Name, m.Role, m.HasPhoto, m.IsDemo)).ToList();
    }
}

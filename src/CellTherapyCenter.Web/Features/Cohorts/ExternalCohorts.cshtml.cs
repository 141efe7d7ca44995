using System.Globalization;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Cohorts;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Cohorts;

/// <summary>
/// The external cohorts (PRO-ACT imports, the demo's synthetic natural history) for administrators:
/// what each holds and where it comes from, and marking one public (the public outcomes page may
/// then show the comparison with it, its source named) or withdrawing it. Only counts and the
/// cohort's own description are shown: no subject's data. Administrators only: what the public
/// page shows is theirs to decide, and the page is no use to other staff.
/// </summary>
[Authorize(Policy = StaffPolicies.Administer)]
[NoPatientData]
public sealed class ExternalCohortsModel(RegistryDbContext db, AuditLog audit, IOutputCacheStore publicCache) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Source, int Subjects, int AlsfrsRows, int AlsfrsRRows, int Deaths,
        bool IsSynthetic, bool IsPublic, DateTime ImportedAt, string ImportedBy);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await LoadAsync(ct);

    public Task<IActionResult> OnPostPublishAsync(Guid cohortId, CancellationToken ct) => SetPublicAsync(cohortId, true, ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid cohortId, CancellationToken ct) => SetPublicAsync(cohortId, false, ct);

    private async Task<IActionResult> SetPublicAsync(Guid cohortId, bool isPublic, CancellationToken ct)
    {
        var cohort = await db.ExternalCohorts.SingleOrDefaultAsync(c => c.Id == cohortId, ct);
        if (cohort is null) return NotFound();
        if (cohort.IsPublic != isPublic)
        {
            cohort.IsPublic = isPublic;
            // The flag and its audit line in one SaveChanges: one transaction, both or neither.
            await audit.WriteAsync(AuditActions.Update, nameof(ExternalCohort), cohort.Id.ToString(), null,
                (isPublic ? "marked public" : "withdrawn from the public page") + $": external cohort '{cohort.Name}'", ct);
            await publicCache.EvictByTagAsync(PublicSiteCache.Tag, ct);
        }
        SavedBanner.Show(TempData, isPublic
            ? $"{cohort.Name} is public: the public outcomes page may show the comparison with it, its source named."
            : $"{cohort.Name} is withdrawn: the public outcomes page no longer shows it.");
        return RedirectToPage();
    }

    private async Task<IReadOnlyList<Row>> LoadAsync(CancellationToken ct)
    {
        var cohorts = await db.ExternalCohorts.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        var subjects = await db.ExternalCohortSubjects.GroupBy(s => s.CohortId)
            .Select(g => new { g.Key, Count = g.Count(), Deaths = g.Count(s => s.Died == true) }).ToDictionaryAsync(g => g.Key, ct);
        var alsfrs = await db.ExternalCohortAlsfrs.GroupBy(r => r.CohortId)
            .Select(g => new { g.Key, Count = g.Count(), Revised = g.Count(r => r.Scale == AlsfrsScale.AlsfrsR) }).ToDictionaryAsync(g => g.Key, ct);
        return cohorts.Select(c => new Row(c.Id, c.Name, c.Source,
            subjects.GetValueOrDefault(c.Id)?.Count ?? 0, alsfrs.GetValueOrDefault(c.Id)?.Count ?? 0, alsfrs.GetValueOrDefault(c.Id)?.Revised ?? 0,
            subjects.GetValueOrDefault(c.Id)?.Deaths ?? 0, c.IsSynthetic, c.IsPublic, c.ImportedAt, c.ImportedBy)).ToList();
    }

    public static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

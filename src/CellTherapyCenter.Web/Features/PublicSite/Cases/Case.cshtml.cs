using CellTherapyCenter.Data;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.PublicSite.Cases;

/// <summary>
/// One published case. Its figures come from the registry; dates are shown by month only. The
/// read is audited as patient data (once per cache fill: the page is served from the output cache).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicSiteCache.PagePolicy)]
[ReadsPatientData(nameof(PatientCase), "published case page")]
public sealed class CaseModel(RegistryDbContext db, PatientReadAudit audit) : PageModel
{
    public PatientCase Case { get; private set; } = null!;
    public IReadOnlyList<Score> Scores { get; private set; } = [];
    public IReadOnlyList<string> CourseMonths { get; private set; } = [];

    public sealed record Score(string Month, int? Total, int? Bulbar, int? FineMotor, int? GrossMotor, int? Respiratory);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var found = await PublishedCases.Visible(db).AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (found is null) return NotFound();
        Case = found;
        ViewData["Title"] = $"{found.Initials}, {found.AgeYears}";
        ViewData["Description"] = found.ClinicalPicture;
        var recorded = await db.AlsfrsRAssessments.AsNoTracking()
            .Where(a => a.PatientId == found.PatientId && a.VoidedAt == null && a.Total != null)
            .OrderBy(a => a.AssessedOn)
            .Select(a => new { a.AssessedOn, a.Total, a.Bulbar, a.FineMotor, a.GrossMotor, a.Respiratory })
            .ToListAsync(ct);
        Scores = recorded.Select(a => new Score(a.AssessedOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), a.Total, a.Bulbar, a.FineMotor, a.GrossMotor, a.Respiratory)).ToList();
        CourseMonths = (await db.TreatmentCourses.AsNoTracking().Where(c => c.PatientId == found.PatientId && c.VoidedAt == null)
            .OrderBy(c => c.StartDate).Select(c => c.StartDate).ToListAsync(ct)).Select(d => d.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        audit.Read(found.PatientId, found.Id.ToString());
        return Page();
    }
}

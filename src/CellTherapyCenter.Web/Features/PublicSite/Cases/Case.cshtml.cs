using System.Globalization;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Features.Analytics.Plots;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.PublicSite.Cases;

/// <summary>
/// One published case. Its figures come from the registry; dates are shown by month only. The
/// read is audited as patient data (once per cache fill: the page is served from the output cache).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicSiteCache.PagePolicy)]
[ReadsPatientData(nameof(PatientCase), "published case page")]
public sealed class CaseModel(RegistryDbContext db, PatientReadAudit audit, IStringLocalizer<PlotText> plotText, IStringLocalizer<PublicText> text) : PageModel
{
    public PatientCase Case { get; private set; } = null!;
    public IReadOnlyList<Score> Scores { get; private set; } = [];
    public IReadOnlyList<string> CourseMonths { get; private set; } = [];
    /// <summary>The plots of <see cref="Scores"/>, by month as the table (a published case shows no day).</summary>
    public TrajectoryFigureView? Figure { get; private set; }

    public sealed record Score(string Month, int? Total, int? Bulbar, int? FineMotor, int? GrossMotor, int? Respiratory);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var found = await PublishedCases.Visible(db).AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (found is null) return NotFound();
        Case = found;
        ViewData["Title"] = $"{found.Initials}, {found.AgeYears}";
        // The clinical picture is in the language it was written in; a description in another language than the page's would be read with the page's voice.
        ViewData["Description"] = CultureInfo.CurrentUICulture.Name.StartsWith(found.Language, StringComparison.Ordinal)
            ? found.ClinicalPicture
            : text["Case.Description", found.Initials, found.AgeYears].Value;
        var recorded = await db.AlsfrsRAssessments.AsNoTracking()
            .Where(a => a.PatientId == found.PatientId && a.VoidedAt == null && a.Total != null)
            .OrderBy(a => a.AssessedOn)
            .Select(a => new { a.AssessedOn, a.Total, a.Bulbar, a.FineMotor, a.GrossMotor, a.Respiratory })
            .ToListAsync(ct);
        // Months in the reader's language and order ("March 2025", "березень 2025 р."); the plots put each score at its month's start.
        var culture = CultureInfo.CurrentCulture;
        static DateOnly Month(DateOnly d) => new(d.Year, d.Month, 1);
        Scores = recorded.Select(a => new Score(a.AssessedOn.ToString("Y", culture), a.Total, a.Bulbar, a.FineMotor, a.GrossMotor, a.Respiratory)).ToList();
        var courseStarts = (await db.TreatmentCourses.AsNoTracking().Where(c => c.PatientId == found.PatientId && c.VoidedAt == null)
            .OrderBy(c => c.StartDate).Select(c => c.StartDate).ToListAsync(ct)).Select(Month).ToList();
        CourseMonths = courseStarts.Select(d => d.ToString("Y", culture)).ToList();
        if (recorded.Count > 0)
        {
            var points = recorded.Select(a => new TrajectoryPoint(Month(a.AssessedOn), a.Total, a.Bulbar, a.FineMotor, a.GrossMotor, a.Respiratory)).ToList();
            Figure = new(plotText.Figure(points, courseStarts, plotText.Words(), culture), courseStarts.Count > 0);
        }
        audit.Read(found.PatientId, found.Id.ToString());
        return Page();
    }
}

using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Localization;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.SiteEditor;

/// <summary>
/// One language's version of a public page's text: /staff/site/pages/{slug}?language=uk (English
/// without the parameter). Each version is its own record, saved and checked for conflicts alone.
/// </summary>
[Authorize(Policy = StaffPolicies.Administer)]
[NoPatientData]
public sealed class EditPageModel(RegistryDbContext db, SiteEditorSave save) : PageModel
{
    public sealed class PageInput
    {
        [TextLimit(FieldLengths.PageTitle)]
        public string? Title { get; set; }
        [TextLimit(FieldLengths.Reason)]
        public string? Summary { get; set; }
        [TextLimit(FieldLengths.LongText)]
        public string? BodyMarkdown { get; set; }
        public Guid ConcurrencyStamp { get; set; }
    }

    [BindProperty] public PageInput Input { get; set; } = new();
    public string Slug { get; private set; } = "";
    /// <summary>The language of the version being edited.</summary>
    public SiteLanguage Language { get; private set; } = SiteLanguages.English;
    public EditorConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? language, CancellationToken ct)
    {
        if (Find(language) is not { } chosen) return NotFound();
        var page = await db.SitePages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.Language == chosen.Culture, ct);
        if (page is null) return NotFound();
        (Slug, Language) = (slug, chosen);
        Input = From(page);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string? language, CancellationToken ct)
    {
        if (Find(language) is not { } chosen) return NotFound();
        var page = await db.SitePages.FirstOrDefaultAsync(p => p.Slug == slug && p.Language == chosen.Culture, ct);
        if (page is null) return NotFound();
        (Slug, Language) = (slug, chosen);
        if (string.IsNullOrWhiteSpace(Input.Title)) ModelState.AddFieldError(() => Input.Title, "A page needs a title.");
        else if (Input.Title.Length > 200) ModelState.AddFieldError(() => Input.Title, "The title can be at most 200 characters.");
        if (Input.Summary is { Length: > 500 }) ModelState.AddFieldError(() => Input.Summary, "The summary can be at most 500 characters.");
        if (string.IsNullOrWhiteSpace(Input.BodyMarkdown)) ModelState.AddFieldError(() => Input.BodyMarkdown, "Write the page's text.");
        if (!ModelState.IsValid) return Page();

        page.Title = Input.Title!.Trim();
        page.Summary = string.IsNullOrWhiteSpace(Input.Summary) ? null : Input.Summary.Trim();
        page.BodyMarkdown = Input.BodyMarkdown!;
        page.IsDemo = false; // the clinic's own words now, no longer the example
        if (await save.SaveAsync(page, Input.ConcurrencyStamp, AuditActions.Update, User.Identity?.Name, null, ct))
            return RedirectToPage("/SiteEditor/Overview");

        // Someone saved first: show their version, and everything this user typed beside it.
        var theirs = await db.SitePages.AsNoTracking().FirstAsync(p => p.Slug == slug && p.Language == chosen.Culture, ct);
        Conflict = new EditorConflict([("Title", Input.Title), ("Summary", Input.Summary), ("Text", Input.BodyMarkdown)]);
        ModelState.Clear();
        Input = From(theirs);
        return Page();
    }

    /// <summary>No language asked for means English; an unknown one finds nothing.</summary>
    private static SiteLanguage? Find(string? language) => string.IsNullOrEmpty(language) ? SiteLanguages.English : SiteLanguages.Find(language);

    private static PageInput From(SitePage p) => new() { Title = p.Title, Summary = p.Summary, BodyMarkdown = p.BodyMarkdown, ConcurrencyStamp = p.ConcurrencyStamp };
}

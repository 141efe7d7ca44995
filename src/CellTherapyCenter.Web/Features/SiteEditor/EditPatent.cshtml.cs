using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.SiteEditor;

[Authorize(Policy = StaffPolicies.Administer)]
[NoPatientData]
public sealed class EditPatentModel(RegistryDbContext db, SiteEditorSave save, TimeProvider clock) : PageModel
{
    public sealed class PatentInput
    {
        [TextLimit(FieldLengths.Code)]
        public string? Number { get; set; }
        [TextLimit(FieldLengths.Title)]
        public string? Title { get; set; }
        [TextLimit(FieldLengths.LanguageTag)]
        public string? Language { get; set; } = "en";
        public int? Year { get; set; }
        [TextLimit(FieldLengths.Url)]
        public string? Url { get; set; }
        public int SortOrder { get; set; }
        public Guid ConcurrencyStamp { get; set; }
    }

    [BindProperty] public PatentInput Input { get; set; } = new();
    public bool IsNew { get; private set; }
    public EditorConflict? Conflict { get; private set; }
    public static IReadOnlyList<(string Code, string Name)> Languages => EditPublicationModel.Languages;

    public async Task<IActionResult> OnGetAsync(string patentId, CancellationToken ct)
    {
        if (patentId == "new") { IsNew = true; return Page(); }
        var patent = await FindAsync(patentId, tracked: false, ct);
        if (patent is null) return NotFound();
        Input = From(patent);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string patentId, CancellationToken ct)
    {
        IsNew = patentId == "new";
        var patent = IsNew ? new Patent { Number = "", Title = "" } : await FindAsync(patentId, tracked: true, ct);
        if (patent is null) return NotFound();
        var thisYear = clock.GetUtcNow().Year;
        if (string.IsNullOrWhiteSpace(Input.Number)) ModelState.AddFieldError(() => Input.Number, "Enter the patent's number.");
        else if (Input.Number.Length > 50) ModelState.AddFieldError(() => Input.Number, "The number can be at most 50 characters.");
        if (string.IsNullOrWhiteSpace(Input.Title)) ModelState.AddFieldError(() => Input.Title, "Enter the patent's title.");
        else if (Input.Title.Length > 300) ModelState.AddFieldError(() => Input.Title, "The title can be at most 300 characters.");
        if (Languages.All(l => l.Code != Input.Language)) ModelState.AddFieldError(() => Input.Language, "Choose the language of the title.");
        if (Input.Year is not { } year || year < 1900 || year > thisYear) ModelState.AddFieldError(() => Input.Year, $"Enter the year it was granted, 1900 to {thisYear}.");
        if (!string.IsNullOrWhiteSpace(Input.Url) && (!Uri.TryCreate(Input.Url.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || Input.Url.Length > 500))
            ModelState.AddFieldError(() => Input.Url, "Enter a full web address starting with https://, or leave it empty.");
        if (!ModelState.IsValid) return Page();

        patent.Number = Input.Number!.Trim();
        patent.Title = Input.Title!.Trim();
        patent.Language = Input.Language!;
        patent.Year = Input.Year!.Value;
        patent.Url = string.IsNullOrWhiteSpace(Input.Url) ? null : Input.Url.Trim();
        patent.SortOrder = Input.SortOrder;
        if (IsNew) db.Patents.Add(patent);
        if (await save.SaveAsync(patent, Input.ConcurrencyStamp, IsNew ? AuditActions.Create : AuditActions.Update, User.Identity?.Name, null, ct))
            return RedirectToPage("/SiteEditor/Overview");

        // Someone saved (or removed) it first: show their version, and what this user typed beside it.
        Conflict = new EditorConflict([("Number", Input.Number), ("Title", Input.Title), ("Language", Languages.FirstOrDefault(l => l.Code == Input.Language).Name), ("Year granted", Input.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Link", Input.Url), ("Position in the list", Input.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        ModelState.Clear();
        if (await FindAsync(patentId, tracked: false, ct) is not { } theirs) return NotFound();
        Input = From(theirs);
        return Page();
    }

    private static PatentInput From(Patent p) =>
        new() { Number = p.Number, Title = p.Title, Language = p.Language, Year = p.Year, Url = p.Url, SortOrder = p.SortOrder, ConcurrencyStamp = p.ConcurrencyStamp };

    private async Task<Patent?> FindAsync(string patentId, bool tracked, CancellationToken ct) =>
        Guid.TryParse(patentId, out var id)
            ? await (tracked ? db.Patents : db.Patents.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, ct)
            : null;
}

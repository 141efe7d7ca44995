using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Uploads;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.SiteEditor;

/// <summary>A publication: its description and its PDF, checked by content (a renamed file of another kind is refused).</summary>
[Authorize(Policy = StaffPolicies.Administer)]
[RequestSizeLimit(MaxFileBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 1024 * 1024)]
[NoPatientData]
public sealed class EditPublicationModel(RegistryDbContext db, SiteEditorSave save) : PageModel
{
    public const long MaxFileBytes = 20L * 1024 * 1024;

    public sealed class PublicationInput
    {
        [TextLimit(FieldLengths.Title)]
        public string? Title { get; set; }
        [TextLimit(FieldLengths.LanguageTag)]
        public string? Language { get; set; } = "en";
        public int? Year { get; set; }
        [TextLimit(FieldLengths.Note)]
        public string? Description { get; set; }
        public int SortOrder { get; set; }
        public Guid ConcurrencyStamp { get; set; }
    }

    [BindProperty] public PublicationInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    public bool IsNew { get; private set; }
    public string? CurrentFile { get; private set; }
    public EditorConflict? Conflict { get; private set; }
    public static IReadOnlyList<(string Code, string Name)> Languages => PatientInput.Languages;

    public async Task<IActionResult> OnGetAsync(string publicationId, CancellationToken ct)
    {
        if (publicationId == "new") { IsNew = true; return Page(); }
        var p = await FindAsync(publicationId, tracked: false, ct);
        if (p is null) return NotFound();
        Show(p);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string publicationId, CancellationToken ct)
    {
        IsNew = publicationId == "new";
        var publication = IsNew
            ? new Publication { Title = "", Language = "", ContentType = "", FileName = "" }
            : await FindAsync(publicationId, tracked: true, ct);
        if (publication is null) return NotFound();
        if (!IsNew) CurrentFile = Describe(publication);
        if (string.IsNullOrWhiteSpace(Input.Title)) ModelState.AddFieldError(() => Input.Title, "Enter the title.");
        else if (Input.Title.Length > 300) ModelState.AddFieldError(() => Input.Title, "The title can be at most 300 characters.");
        if (Languages.All(l => l.Code != Input.Language)) ModelState.AddFieldError(() => Input.Language, "Choose the document's language.");
        if (Input.Year is < 1950 or > 2100) ModelState.AddFieldError(() => Input.Year, "Enter a plausible year, or leave it empty.");
        // A multipart form is not checked by NulCharacterRefusal (its file may hold any byte), and PostgreSQL cannot store a NUL in text.
        if (Input.Title?.Contains('\0', StringComparison.Ordinal) == true) ModelState.AddFieldError(() => Input.Title, "Remove the control characters from the title.");
        if (Input.Description?.Contains('\0', StringComparison.Ordinal) == true) ModelState.AddFieldError(() => Input.Description, "Remove the control characters from the description.");
        var content = await ReadPdfAsync(required: IsNew, ct);
        if (!ModelState.IsValid) return Page();

        publication.Title = Input.Title!.Trim();
        publication.Language = Input.Language!;
        publication.Year = Input.Year;
        publication.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        publication.SortOrder = Input.SortOrder;
        if (content is not null)
        {
            publication.ContentType = FileSignature.ContentType(DocumentKind.Pdf);
            publication.FileName = DocumentCheck.PublishedName(Upload!.FileName, DocumentKind.Pdf);
            publication.SizeBytes = content.Length;
            if (publication.File is null) publication.File = new PublicationFile { Content = content };
            else publication.File.Content = content;
        }
        if (IsNew) db.Publications.Add(publication);
        if (await save.SaveAsync(publication, Input.ConcurrencyStamp, IsNew ? AuditActions.Create : AuditActions.Update, User.Identity?.Name, null, ct))
            return RedirectToPage("/SiteEditor/Overview");

        // Someone saved (or removed) it first: show their version, and what this user typed beside it.
        var language = Languages.FirstOrDefault(l => l.Code == Input.Language).Name;
        Conflict = new EditorConflict(
            [("Title", Input.Title), ("Language", language), ("Year", Input.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Description", Input.Description), ("Position in the list", Input.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            content is null ? null : $"The file you chose ({publication.FileName}) was not saved: choose it again.");
        ModelState.Clear();
        if (await FindAsync(publicationId, tracked: false, ct) is not { } theirs) return NotFound();
        Show(theirs);
        return Page();
    }

    private void Show(Publication p)
    {
        Input = new PublicationInput { Title = p.Title, Language = p.Language, Year = p.Year, Description = p.Description, SortOrder = p.SortOrder, ConcurrencyStamp = p.ConcurrencyStamp };
        CurrentFile = Describe(p);
    }

    private static string Describe(Publication p) => $"{p.FileName}, {PublicSite.DocumentDescription.Size(p.SizeBytes)}";

    private async Task<byte[]?> ReadPdfAsync(bool required, CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            if (required) ModelState.AddModelError(nameof(Upload), "Choose the PDF file to publish.");
            return null;
        }
        if (Upload.Length > MaxFileBytes) { ModelState.AddModelError(nameof(Upload), "The file is larger than 20 MB."); return null; }
        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        // The whole file must be a PDF that opens (cross-reference table, trailer, pages), not just start like one.
        if (DocumentCheck.Inspect(buffer.ToArray()) != DocumentKind.Pdf)
        {
            ModelState.AddModelError(nameof(Upload), "This file is not a PDF that opens (checked by its whole content, whatever its name).");
            return null;
        }
        return buffer.ToArray();
    }

    private async Task<Publication?> FindAsync(string publicationId, bool tracked, CancellationToken ct)
    {
        if (!Guid.TryParse(publicationId, out var id)) return null;
        // The file's bytes are loaded only when the file may be replaced.
        var query = tracked ? db.Publications.Include(p => p.File) : db.Publications.AsNoTracking();
        return await query.FirstOrDefaultAsync(p => p.Id == id, ct);
    }
}

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
/// A member of the team on /team: name, position in the list, and for each language of the site a
/// role, a short biography and the photo's alt text; the photo is checked by content and re-encoded
/// (<see cref="TeamPhotoImage"/>). English is required; another language left empty shows the English
/// words, marked as English.
/// </summary>
[Authorize(Policy = StaffPolicies.Administer)]
[RequestSizeLimit(TeamPhotoImage.MaxUploadBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = TeamPhotoImage.MaxUploadBytes + 1024 * 1024)]
[NoPatientData]
public sealed class EditTeamMemberModel(RegistryDbContext db, SiteEditorSave save) : PageModel
{
    public sealed class MemberInput
    {
        [TextLimit(FieldLengths.PersonName), PersonName]
        public string? Name { get; set; }
        public int SortOrder { get; set; }
        public Guid ConcurrencyStamp { get; set; }
        /// <summary>One per language of <see cref="SiteLanguages.All"/>, in that order.</summary>
        public List<LanguageInput> Texts { get; set; } = [];
    }

    public sealed class LanguageInput
    {
        [TextLimit(FieldLengths.Label)]
        public string? Role { get; set; }
        [TextLimit(FieldLengths.ShortNote)]
        public string? Biography { get; set; }
        [TextLimit(FieldLengths.Reason)]
        public string? PhotoAlt { get; set; }
    }

    [BindProperty] public MemberInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    public bool IsNew { get; private set; }
    /// <summary>The stored photo's size and version (for its preview), if there is one.</summary>
    public TeamPhoto? CurrentPhoto { get; private set; }
    public Guid MemberId { get; private set; }
    public EditorConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(string memberId, CancellationToken ct)
    {
        if (memberId == "new") { IsNew = true; Input = new MemberInput { Texts = [.. SiteLanguages.All.Select(_ => new LanguageInput())] }; return Page(); }
        var member = await FindAsync(memberId, tracked: false, ct);
        if (member is null) return NotFound();
        await ShowAsync(member, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string memberId, CancellationToken ct)
    {
        IsNew = memberId == "new";
        var member = IsNew ? new TeamMember { Name = "" } : await FindAsync(memberId, tracked: true, ct);
        if (member is null) return NotFound();
        MemberId = member.Id;
        if (!IsNew) CurrentPhoto = await PhotoAsync(member.Id, ct);
        while (Input.Texts.Count < SiteLanguages.All.Count) Input.Texts.Add(new LanguageInput());
        if (Input.Texts.Count > SiteLanguages.All.Count) Input.Texts.RemoveRange(SiteLanguages.All.Count, Input.Texts.Count - SiteLanguages.All.Count);

        if (string.IsNullOrWhiteSpace(Input.Name)) ModelState.AddFieldError(() => Input.Name, "Enter the name.");
        else if (Input.Name.Length > 200) ModelState.AddFieldError(() => Input.Name, "The name can be at most 200 characters.");
        if (string.IsNullOrWhiteSpace(Input.Texts[0].Role)) ModelState.AddModelError(TextKey(0, nameof(LanguageInput.Role)), "Enter the role in English.");
        for (var i = 0; i < Input.Texts.Count; i++)
        {
            var text = Input.Texts[i];
            var index = i;
            if (text.Role is { Length: > 100 }) ModelState.AddModelError(TextKey(index, nameof(LanguageInput.Role)), "The role can be at most 100 characters.");
            if (text.Biography is { Length: > 1000 }) ModelState.AddModelError(TextKey(index, nameof(LanguageInput.Biography)), "The biography can be at most 1,000 characters.");
            if (text.PhotoAlt is { Length: > 500 }) ModelState.AddModelError(TextKey(index, nameof(LanguageInput.PhotoAlt)), "The description of the photo can be at most 500 characters.");
            // A multipart form is not checked by NulCharacterRefusal, and PostgreSQL cannot store a NUL in text.
            if (new[] { text.Role, text.Biography, text.PhotoAlt }.Any(t => t?.Contains('\0', StringComparison.Ordinal) == true))
                ModelState.AddModelError(TextKey(index, nameof(LanguageInput.Role)), "Remove the control characters from the text.");
        }
        if (Input.Name?.Contains('\0', StringComparison.Ordinal) == true) ModelState.AddFieldError(() => Input.Name, "Remove the control characters from the name.");
        var photo = await ReadPhotoAsync(ct);
        if ((photo is not null || CurrentPhoto is not null) && string.IsNullOrWhiteSpace(Input.Texts[0].PhotoAlt))
            ModelState.AddModelError(TextKey(0, nameof(LanguageInput.PhotoAlt)), "Describe the photo in English for people who cannot see it.");
        if (!ModelState.IsValid) return Page();

        member.Name = Input.Name!.Trim();
        member.SortOrder = Input.SortOrder;
        for (var i = 0; i < SiteLanguages.All.Count; i++)
        {
            var culture = SiteLanguages.All[i].Culture;
            var typed = Input.Texts[i];
            var stored = member.Texts.FirstOrDefault(t => t.Language == culture);
            if (string.IsNullOrWhiteSpace(typed.Role))
            {
                if (stored is not null) member.Texts.Remove(stored); // this language shows the English words
                continue;
            }
            if (stored is null) member.Texts.Add(stored = new TeamMemberText { Language = culture, Role = "" });
            stored.Role = typed.Role.Trim();
            stored.Biography = Blank(typed.Biography);
            stored.PhotoAlt = Blank(typed.PhotoAlt);
        }
        if (photo is not null)
        {
            if (IsNew || CurrentPhoto is null) member.Photo = new TeamPhoto { Content = photo.Jpeg, Width = photo.Width, Height = photo.Height };
            else
            {
                var tracked = await db.TeamPhotos.SingleAsync(p => p.TeamMemberId == member.Id, ct);
                (tracked.Content, tracked.Width, tracked.Height, tracked.Version) = (photo.Jpeg, photo.Width, photo.Height, Guid.NewGuid());
            }
        }
        if (IsNew) db.TeamMembers.Add(member);
        if (await save.SaveAsync(member, Input.ConcurrencyStamp, IsNew ? AuditActions.Create : AuditActions.Update, User.Identity?.Name, null, ct))
            return RedirectToPage("/SiteEditor/Overview");

        // Someone saved (or removed) it first: show their version, and what this user typed beside it.
        Conflict = new EditorConflict(
            [("Name", Input.Name), .. Input.Texts.SelectMany((t, i) => new[] { ($"Role ({SiteLanguages.All[i].Culture})", t.Role), ($"Biography ({SiteLanguages.All[i].Culture})", t.Biography), ($"Photo description ({SiteLanguages.All[i].Culture})", t.PhotoAlt) })],
            photo is null ? null : "The photo you chose was not saved: choose it again.");
        ModelState.Clear();
        if (await FindAsync(memberId, tracked: false, ct) is not { } theirs) return NotFound();
        await ShowAsync(theirs, ct);
        return Page();
    }

    /// <summary>Takes the member off the site, with their photo and texts.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string memberId, CancellationToken ct)
    {
        var member = await FindAsync(memberId, tracked: true, ct);
        if (member is null) return NotFound();
        await save.DeleteAsync(member, ct);
        return RedirectToPage("/SiteEditor/Overview");
    }

    /// <summary>The field key of one language's input, e.g. "Input.Texts[1].Role".</summary>
    public static string TextKey(int index, string field) => $"{nameof(Input)}.{nameof(MemberInput.Texts)}[{index}].{field}";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task ShowAsync(TeamMember member, CancellationToken ct)
    {
        MemberId = member.Id;
        Input = new MemberInput
        {
            Name = member.Name, SortOrder = member.SortOrder, ConcurrencyStamp = member.ConcurrencyStamp,
            Texts = [.. SiteLanguages.All.Select(l => member.Texts.FirstOrDefault(t => t.Language == l.Culture) is { } t
                ? new LanguageInput { Role = t.Role, Biography = t.Biography, PhotoAlt = t.PhotoAlt }
                : new LanguageInput())],
        };
        CurrentPhoto = await PhotoAsync(member.Id, ct);
    }

    private Task<TeamPhoto?> PhotoAsync(Guid id, CancellationToken ct) =>
        db.TeamPhotos.AsNoTracking().Where(p => p.TeamMemberId == id)
            .Select(p => new TeamPhoto { TeamMemberId = p.TeamMemberId, Content = Array.Empty<byte>(), Width = p.Width, Height = p.Height, Version = p.Version })
            .FirstOrDefaultAsync(ct);

    private async Task<TeamPhotoImage.Photo?> ReadPhotoAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) return null;
        if (Upload.Length > TeamPhotoImage.MaxUploadBytes) { ModelState.AddModelError(nameof(Upload), "The photo is larger than 5 MB: choose a smaller file."); return null; }
        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, ct);
        var photo = TeamPhotoImage.Reencode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var refusal);
        if (photo is null) ModelState.AddModelError(nameof(Upload), refusal!);
        return photo;
    }

    private async Task<TeamMember?> FindAsync(string memberId, bool tracked, CancellationToken ct)
    {
        if (!Guid.TryParse(memberId, out var id)) return null;
        var query = tracked ? db.TeamMembers.Include(m => m.Texts) : db.TeamMembers.Include(m => m.Texts).AsNoTracking();
        return await query.FirstOrDefaultAsync(m => m.Id == id, ct);
    }
}

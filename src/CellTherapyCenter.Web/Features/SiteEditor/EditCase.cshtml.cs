using System.Text.RegularExpressions;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.SiteEditor;

/// <summary>
/// A published patient case. It is tied to a registry patient by pseudonym; it can be published
/// only while that patient's consent to publication is in force (and the public site checks the
/// same on every read). Reads and changes are audited as patient data.
/// </summary>
[Authorize(Policy = StaffPolicies.Administer)]
[ReadsPatientData(nameof(PatientCase), "case editor")]
public sealed partial class EditCaseModel(RegistryDbContext db, SiteEditorSave save, PatientReadAudit audit) : PageModel
{
    public sealed class CaseInput
    {
        [TextLimit(FieldLengths.Code)]
        public string? Pseudonym { get; set; }
        [TextLimit(FieldLengths.Code)]
        public string? Slug { get; set; }
        [TextLimit(FieldLengths.Initials)]
        public string? Initials { get; set; }
        public int? AgeYears { get; set; }
        [TextLimit(FieldLengths.Title)]
        public string? ClinicalPicture { get; set; }
        [TextLimit(FieldLengths.LongText)]
        public string? BodyMarkdown { get; set; }
        [TextLimit(FieldLengths.LanguageTag)]
        public string? Language { get; set; } = "en";
        public bool Published { get; set; }
        public int SortOrder { get; set; }
        public Guid ConcurrencyStamp { get; set; }
    }

    [BindProperty] public CaseInput Input { get; set; } = new();
    public bool IsNew { get; private set; }
    public bool? ConsentInForce { get; private set; }
    public EditorConflict? Conflict { get; private set; }
    public static IReadOnlyList<(string Code, string Name)> Languages => EditPublicationModel.Languages;

    public async Task<IActionResult> OnGetAsync(string caseId, CancellationToken ct)
    {
        if (caseId == "new") { IsNew = true; audit.NothingRead(); return Page(); }
        var found = await FindAsync(caseId, tracked: false, ct);
        if (found is null) return NotFound();
        await ShowAsync(found, ct);
        audit.Read(found.PatientId, found.Id.ToString());
        return Page();
    }

    private async Task ShowAsync(PatientCase found, CancellationToken ct)
    {
        var pseudonym = await db.Patients.Where(p => p.Id == found.PatientId).Select(p => p.Pseudonym).FirstAsync(ct);
        Input = new CaseInput
        {
            Pseudonym = pseudonym, Slug = found.Slug, Initials = found.Initials, AgeYears = found.AgeYears, ClinicalPicture = found.ClinicalPicture,
            BodyMarkdown = found.BodyMarkdown, Language = found.Language, Published = found.Published, SortOrder = found.SortOrder, ConcurrencyStamp = found.ConcurrencyStamp,
        };
        ConsentInForce = await ConsentInForceAsync(found.PatientId, ct);
    }

    public async Task<IActionResult> OnPostAsync(string caseId, CancellationToken ct)
    {
        IsNew = caseId == "new";
        var found = IsNew ? new PatientCase { Slug = "", Initials = "", ClinicalPicture = "" } : await FindAsync(caseId, tracked: true, ct);
        if (found is null) return NotFound();

        var pseudonym = Input.Pseudonym?.Trim().ToUpperInvariant();
        var patientId = string.IsNullOrEmpty(pseudonym) ? null
            : await db.Patients.Where(p => p.Pseudonym == pseudonym && p.VoidedAt == null).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (patientId is null) ModelState.AddFieldError(() => Input.Pseudonym, "Enter the code of a registry patient, e.g. CTC-1A2B3C.");
        else ConsentInForce = await ConsentInForceAsync(patientId.Value, ct);
        var slug = Input.Slug?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(slug) || !SlugFormat().IsMatch(slug))
            ModelState.AddFieldError(() => Input.Slug, "Use lowercase letters, digits and hyphens, e.g. case-12 (never the patient's name).");
        else if (await db.PatientCases.AnyAsync(c => c.Slug == slug && c.Id != found.Id, ct))
            ModelState.AddFieldError(() => Input.Slug, "Another case already has this address.");
        if (string.IsNullOrWhiteSpace(Input.Initials) || Input.Initials.Length > 20) ModelState.AddFieldError(() => Input.Initials, "Enter the initials as the patient agreed, e.g. F.T.G.");
        if (Input.AgeYears is not (>= 1 and <= 120)) ModelState.AddFieldError(() => Input.AgeYears, "Enter the age in years.");
        if (string.IsNullOrWhiteSpace(Input.ClinicalPicture) || Input.ClinicalPicture.Length > 300) ModelState.AddFieldError(() => Input.ClinicalPicture, "Describe the clinical picture in one line (at most 300 characters).");
        if (Languages.All(l => l.Code != Input.Language)) ModelState.AddFieldError(() => Input.Language, "Choose the language the case is written in.");
        if (Input.Published && ConsentInForce == false)
            ModelState.AddFieldError(() => Input.Published, "This patient has no consent to publication in force: record the consent in the registry first, or keep the case as a draft.");
        if (!ModelState.IsValid) return Page();

        found.PatientId = patientId!.Value;
        found.Slug = slug!;
        found.Initials = Input.Initials!.Trim();
        found.AgeYears = Input.AgeYears!.Value;
        found.ClinicalPicture = Input.ClinicalPicture!.Trim();
        found.BodyMarkdown = string.IsNullOrWhiteSpace(Input.BodyMarkdown) ? null : Input.BodyMarkdown;
        found.Language = Input.Language!;
        found.Published = Input.Published;
        found.SortOrder = Input.SortOrder;
        if (IsNew) db.PatientCases.Add(found);
        if (await save.SaveAsync(found, Input.ConcurrencyStamp, IsNew ? AuditActions.Create : AuditActions.Update, User.Identity?.Name, found.PatientId, ct))
            return RedirectToPage("/SiteEditor/Overview");

        // Someone saved it first: show their version, and what this user typed beside it.
        Conflict = new EditorConflict(
        [
            ("Patient code", Input.Pseudonym), ("Address", Input.Slug), ("Initials", Input.Initials), ("Age (years)", Input.AgeYears?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Clinical picture", Input.ClinicalPicture), ("Text", Input.BodyMarkdown), ("Language", Languages.FirstOrDefault(l => l.Code == Input.Language).Name), ("Published", Input.Published ? "yes" : "no"), ("Position in the list", Input.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        ModelState.Clear();
        if (await FindAsync(caseId, tracked: false, ct) is not { } theirs) return NotFound();
        await ShowAsync(theirs, ct);
        audit.Read(theirs.PatientId, theirs.Id.ToString());
        return Page();
    }

    private Task<bool> ConsentInForceAsync(Guid patientId, CancellationToken ct) =>
        db.Consents.AnyAsync(c => c.PatientId == patientId && c.Kind == ConsentKind.CasePublication && c.WithdrawnAt == null && c.VoidedAt == null, ct);

    private async Task<PatientCase?> FindAsync(string caseId, bool tracked, CancellationToken ct) =>
        Guid.TryParse(caseId, out var id)
            ? await (tracked ? db.PatientCases : db.PatientCases.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct)
            : null;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugFormat();
}

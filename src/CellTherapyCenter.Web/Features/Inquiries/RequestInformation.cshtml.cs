using System.Globalization;
using System.Security.Cryptography;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Inquiries;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Infrastructure.Localization;
using CellTherapyCenter.Web.Infrastructure.Uploads;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Inquiries;

/// <summary>
/// The public "request additional information" form. A request, its documents and both emails
/// (to the clinic and to the sender) are stored in one transaction before the sender sees the
/// reference number, so an acknowledged request is never lost.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Inquiries)]
[RequestSizeLimit(InquiryOptions.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = InquiryOptions.MaxRequestBytes)]
public sealed class RequestInformationModel(
    RegistryDbContext db, EmailOutbox outbox, IOptions<InquiryOptions> options, TimeProvider clock, IStringLocalizer<RequestText> text,
    IOptions<UploadLimitOptions> uploads, UploadQuota quota) : PageModel
{
    public const string DocumentsField = "Documents";

    [BindProperty] public InquiryInput Input { get; set; } = new();
    [BindProperty(Name = DocumentsField)] public List<IFormFile> Documents { get; set; } = [];

    public InquiryOptions Limits => options.Value;
    public int CurrentYear => clock.GetUtcNow().Year;

    /// <summary>The answer's language starts as the one the visitor reads the site in.</summary>
    public void OnGet() => Input.PreferredLanguage = SiteLanguages.Current.Culture.Split('-')[0];

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A robot that filled the hidden field gets what a person would, and nothing is stored.
        if (!string.IsNullOrEmpty(Input.Website)) return RedirectToPage("Sent", new { reference = NewReference() });

        var phone = Input.Validate(ModelState, CurrentYear, text);
        var documents = await ReadDocumentsAsync(ct);
        if (ModelState.IsValid && documents.Count > 0
            && !quota.TryReserve(HttpContext.Connection.RemoteIpAddress, documents.Sum(d => d.SizeBytes), uploads.Value.MaxBytesPerAddressPerDay))
            ModelState.AddModelError(DocumentsField, text["Error.DailyUploadLimit"]);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var responses = Input.AlsfrsResponses();
        var score = responses is null ? null : AlsfrsRScore.Of(responses);
        var inquiry = new Inquiry
        {
            Reference = await UniqueReferenceAsync(ct),
            SubmittedAt = now,
            RequesterRole = Input.Role!.Value,
            Name = Input.Name!.Trim(),
            Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
            Phone = phone,
            Country = Input.Country!,
            PreferredLanguage = Input.PreferredLanguage!,
            DiagnosisYear = Input.DiagnosisYear,
            Symptoms = string.Join(",", Input.Symptoms.Distinct().Order()),
            Ventilation = Input.Ventilation,
            Gastrostomy = Input.GastrostomyValue,
            AlsfrsRAnswers = responses is null ? null : string.Join(",", AlsfrsRItems.All.Select(i => responses[i]?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "")),
            AlsfrsRWithGastrostomy = responses?.CuttingFoodVersion == CuttingFoodVersion.WithGastrostomy5b,
            AlsfrsRTotal = score?.Total,
            Message = string.IsNullOrWhiteSpace(Input.Message) ? null : Input.Message,
            ConsentWording = text.ConsentIn(FormCulture()),
            ConsentGivenAt = now,
            Documents = documents,
        };
        db.Add(inquiry);
        InquiryEmails.Enqueue(outbox, inquiry, options.Value);
        await db.SaveChangesAsync(ct);
        // The self-score is shown once on the confirmation, carried in the (encrypted) TempData cookie, never in its address.
        if (score is not null) SentModel.RememberScore(TempData, score);
        return RedirectToPage("Sent", new { reference = inquiry.Reference });
    }

    private async Task<List<InquiryDocument>> ReadDocumentsAsync(CancellationToken ct)
    {
        var limits = options.Value;
        var files = Documents.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        var stored = new List<InquiryDocument>();
        if (files.Count > limits.MaxFiles)
        {
            ModelState.AddModelError(DocumentsField, text["Error.TooManyFiles", limits.MaxFiles, files.Count]);
            return stored;
        }
        foreach (var file in files)
        {
            var name = SafeFileName(file.FileName);
            if (file.Length == 0) { ModelState.AddModelError(DocumentsField, text["Error.FileEmpty", name]); continue; }
            if (file.Length > limits.MaxFileBytes)
            {
                ModelState.AddModelError(DocumentsField, text["Error.FileTooLarge", name, limits.MaxFileBytes / (1024 * 1024)]);
                continue;
            }
            using var content = new MemoryStream((int)file.Length);
            await file.CopyToAsync(content, ct);
            var bytes = content.ToArray();
            // The whole file is checked, not its first bytes: "%PDF-" followed by a web page is refused.
            if (DocumentCheck.Inspect(bytes) is not { } kind)
            {
                ModelState.AddModelError(DocumentsField, text["Error.FileType", name]);
                continue;
            }
            // Stored and served under a name made from what was detected, never the sender's.
            stored.Add(new InquiryDocument
            {
                FileName = DocumentCheck.StoredName(stored.Count + 1, kind), ContentType = FileSignature.ContentType(kind), SizeBytes = bytes.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Content = bytes,
            });
        }
        var total = files.Sum(f => f.Length);
        if (total > uploads.Value.MaxBytesPerRequest)
            ModelState.AddModelError(DocumentsField, text["Error.FilesTooLarge", uploads.Value.MaxBytesPerRequest / (1024 * 1024)]);
        if (!ModelState.IsValid && files.Count > 0)
            ModelState.AddModelError(DocumentsField, text["Error.ChooseFilesAgain"]);
        return stored;
    }

    /// <summary>The language the form was shown in (carried by the form), else the request's own.</summary>
    private CultureInfo FormCulture() =>
        CultureInfo.GetCultureInfo((SiteLanguages.Find(Input.FormCulture) ?? SiteLanguages.Current).Culture);

    /// <summary>The name without any folder part, control characters or excess length.</summary>
    public static string SafeFileName(string? name)
    {
        var bare = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = new string(bare.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length == 0) clean = "document";
        return clean.Length <= 255 ? clean : clean[^255..];
    }

    private async Task<string> UniqueReferenceAsync(CancellationToken ct)
    {
        while (true)
        {
            var reference = NewReference();
            if (!await db.Set<Inquiry>().AnyAsync(i => i.Reference == reference, ct)) return reference;
        }
    }

    /// <summary>"RQ-" and eight characters from an alphabet without 0/O and 1/I/L, easy to read out on the phone.</summary>
    public static string NewReference() =>
        "RQ-" + new string(RandomNumberGenerator.GetItems<char>("ABCDEFGHJKMNPQRSTUVWXYZ23456789", 8));
}

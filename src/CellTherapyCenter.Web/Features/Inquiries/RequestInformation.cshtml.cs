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

    /// <summary>The documents held from earlier posts of this form, listed with a remove button.</summary>
    public IReadOnlyList<HeldDocuments.Row> Held { get; private set; } = [];
    /// <summary>The name of the document just removed, said once in a status line.</summary>
    public string? Removed { get; private set; }

    /// <summary>A document chosen in this post that passed the content check.</summary>
    private sealed record Checked(string OriginalName, DocumentKind Kind, byte[] Content);

    /// <summary>The answer's language starts as the one the visitor reads the site in.</summary>
    public void OnGet() => Input.PreferredLanguage = SiteLanguages.Current.Culture.Split('-')[0];

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A robot that filled the hidden field gets what a person would, and nothing is stored.
        if (!string.IsNullOrEmpty(Input.Website)) return RedirectToPage("Sent", new { reference = NewReference() });

        var now = clock.GetUtcNow().UtcDateTime;
        await HeldDocuments.SweepAsync(db, now, ct);
        var phone = Input.Validate(ModelState, CurrentYear, text);
        var tokenHash = await CheckHeldAsync(ct);
        var documents = await ReadDocumentsAsync(Held.Count, ct);
        if (!ModelState.IsValid) return await ShowAgainAsync(documents, now, ct);
        if (documents.Count > 0
            && !quota.TryReserve(HttpContext.Connection.RemoteIpAddress, documents.Sum(d => (long)d.Content.Length), uploads.Value.MaxBytesPerAddressPerDay))
        {
            ModelState.AddModelError(DocumentsField, text["Error.DailyUploadLimit"]);
            return Page();
        }

        var held = tokenHash is null ? [] : await db.Set<HeldInquiryDocument>()
            .Where(d => d.TokenHash == tokenHash && Input.HeldDocuments.Contains(d.Id)).OrderBy(d => d.HeldAt).ThenBy(d => d.Id).ToListAsync(ct);
        var all = held.Select(h => (Kind: KindOf(h.ContentType), h.Content)).Concat(documents.Select(d => (d.Kind, d.Content))).ToList();
        var responses = Input.AlsfrsResponses();
        var score = responses is null ? null : AlsfrsRScore.Of(responses);
        var inquiry = new Inquiry
        {
            Reference = await UniqueReferenceAsync(ct),
            SubmittedAt = now,
            RequesterRole = Input.Role!.Value,
            Name = Input.Name!.Trim(),
            PatientName = Input.AsksForPatient && !string.IsNullOrWhiteSpace(Input.PatientName) ? Input.PatientName.Trim() : null,
            PatientAge = Input.AsksForPatient ? Input.PatientAge : null,
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
            // Stored and served under a name made from what was detected, never the sender's.
            Documents = all.Select((d, n) => new InquiryDocument
            {
                FileName = DocumentCheck.StoredName(n + 1, d.Kind), ContentType = FileSignature.ContentType(d.Kind), SizeBytes = d.Content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(d.Content)), Content = d.Content,
            }).ToList(),
        };
        db.Add(inquiry);
        db.RemoveRange(held);
        InquiryEmails.Enqueue(outbox, inquiry, options.Value);
        await db.SaveChangesAsync(ct);
        // The self-score is shown once on the confirmation, carried in the (encrypted) TempData cookie, never in its address.
        if (score is not null) SentModel.RememberScore(TempData, score);
        return RedirectToPage("Sent", new { reference = inquiry.Reference });
    }

    /// <summary>
    /// The remove button beside a held document: the whole form comes back as typed, without the
    /// document, and without any checks of fields not yet finished. Documents newly chosen in the
    /// same post are held as well, so pressing it loses nothing either.
    /// </summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid remove, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await HeldDocuments.SweepAsync(db, now, ct);
        ModelState.Clear();
        var tokenHash = await CheckHeldAsync(ct);
        if (Held.FirstOrDefault(h => h.Id == remove) is { } gone && await HeldDocuments.RemoveAsync(db, tokenHash, remove, ct) == 1)
        {
            Removed = gone.Name;
            Held = Held.Where(h => h.Id != remove).ToList();
            Input.HeldDocuments.Remove(remove);
        }
        return await ShowAgainAsync(await ReadDocumentsAsync(Held.Count, ct), now, ct);
    }

    /// <summary>
    /// Lists the documents the form says it holds, as far as its token still holds them: when some
    /// are gone (their time passed, or the token is not this form's), the sender is told to choose
    /// them again. Returns the token's hash.
    /// </summary>
    private async Task<string?> CheckHeldAsync(CancellationToken ct)
    {
        var tokenHash = HeldDocuments.HashOf(Input.HeldToken);
        var listed = Input.HeldDocuments.Distinct().ToList();
        Held = (await HeldDocuments.ListAsync(db, tokenHash, ct)).Where(h => listed.Contains(h.Id)).ToList();
        if (Held.Count < listed.Count)
        {
            ModelState.AddModelError(DocumentsField, text["Error.HeldExpired", (int)options.Value.HoldDocumentsFor.TotalHours]);
            Input.HeldDocuments = Held.Select(h => h.Id).ToList();
        }
        return tokenHash;
    }

    /// <summary>Holds the documents that passed the check under the form's token (a new one if it has none) and shows the form again.</summary>
    private async Task<IActionResult> ShowAgainAsync(List<Checked> documents, DateTime now, CancellationToken ct)
    {
        if (documents.Count == 0) return Page();
        if (!quota.TryReserve(HttpContext.Connection.RemoteIpAddress, documents.Sum(d => (long)d.Content.Length), uploads.Value.MaxBytesPerAddressPerDay))
        {
            ModelState.AddModelError(DocumentsField, text["Error.DailyUploadLimit"]);
            return Page();
        }
        var tokenHash = HeldDocuments.HashOf(Input.HeldToken);
        if (tokenHash is null)
        {
            Input.HeldToken = HeldDocuments.NewToken();
            tokenHash = HeldDocuments.HashOf(Input.HeldToken);
            ModelState.Remove("Input.HeldToken");
        }
        var held = documents.Select(d => new HeldInquiryDocument
        {
            TokenHash = tokenHash!, OriginalName = d.OriginalName, ContentType = FileSignature.ContentType(d.Kind), SizeBytes = d.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(d.Content)), Content = d.Content, HeldAt = now, HeldUntil = now + options.Value.HoldDocumentsFor,
        }).ToList();
        db.AddRange(held);
        await db.SaveChangesAsync(ct);
        Held = [.. Held, .. held.Select(h => new HeldDocuments.Row(h.Id, h.OriginalName, h.SizeBytes))];
        Input.HeldDocuments = Held.Select(h => h.Id).ToList();
        return Page();
    }

    private async Task<List<Checked>> ReadDocumentsAsync(int alreadyHeld, CancellationToken ct)
    {
        var limits = options.Value;
        var files = Documents.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        var stored = new List<Checked>();
        if (alreadyHeld + files.Count > limits.MaxFiles)
        {
            ModelState.AddModelError(DocumentsField, text["Error.TooManyFiles", limits.MaxFiles, alreadyHeld + files.Count]);
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
            stored.Add(new Checked(name, kind, bytes));
        }
        var total = Held.Sum(h => h.SizeBytes) + files.Sum(f => f.Length);
        if (total > uploads.Value.MaxBytesPerRequest)
        {
            ModelState.AddModelError(DocumentsField, text["Error.FilesTooLarge", uploads.Value.MaxBytesPerRequest / (1024 * 1024)]);
            stored.Clear();
        }
        return stored;
    }

    private static DocumentKind KindOf(string contentType) => contentType switch
    {
        "application/pdf" => DocumentKind.Pdf,
        "image/jpeg" => DocumentKind.Jpeg,
        "image/png" => DocumentKind.Png,
        _ => throw new InvalidOperationException("A held document has a type the form does not accept."),
    };

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

using CellTherapyCenter.Web.Data;
using CellTherapyCenter.Web.Data.Model;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Consents;

/// <summary>Records a consent with its exact wording ("new"), or records its withdrawal. A consent is never edited.</summary>
[Authorize(Policy = StaffPolicies.EditRegistry)]
[ReadsPatientData(nameof(ConsentRecord))]
public sealed class ConsentFormModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock, IOutputCacheStore publicCache) : PageModel
{
    public static string DefaultWording(ConsentKind kind) => kind switch
    {
        ConsentKind.HealthDataProcessing => RegisterModel.ConsentWording,
        ConsentKind.ResearchUse => "I agree that my data, with my name and contact details removed, may be used to evaluate the results of the treatment.",
        ConsentKind.CasePublication => "I agree that my case may be shown on the clinic's website with my initials, my age and my clinical picture.",
        ConsentKind.ContactByEmail => "I agree that the clinic may write to me by email about my care and my appointments.",
        _ => "",
    };

    [BindProperty] public ConsentKind Kind { get; set; } = ConsentKind.HealthDataProcessing;
    [BindProperty] public string? Wording { get; set; }
    [BindProperty] public DateOnly? GivenOn { get; set; }
    [BindProperty] public Guid ConcurrencyStamp { get; set; }
    public PatientIdentityView Patient { get; private set; } = null!;
    public ConsentRecord? Stored { get; private set; }
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string consentId, ConsentKind? kind, CancellationToken ct)
    {
        if (await LoadAsync(id, consentId, ct) is { } missing) return missing;
        if (Stored is null)
        {
            Kind = kind ?? ConsentKind.HealthDataProcessing;
            Wording = DefaultWording(Kind);
            GivenOn = Today;
            audit.NothingRead();
        }
        else
        {
            ConcurrencyStamp = Stored.ConcurrencyStamp;
            audit.Read(id, Stored.Id.ToString());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string consentId, CancellationToken ct)
    {
        if (await LoadAsync(id, consentId, ct) is { } missing) return missing;
        if (Stored is not null) return BadRequest();
        if (string.IsNullOrWhiteSpace(Wording)) ModelState.AddModelError(nameof(Wording), "Enter the exact wording the patient agreed to.");
        if (GivenOn is not { } given) ModelState.AddModelError(nameof(GivenOn), "Enter the date the consent was given.");
        else if (given > Today) ModelState.AddModelError(nameof(GivenOn), "The date cannot be in the future.");
        if (!ModelState.IsValid) return Page();
        db.Consents.Add(new ConsentRecord
        {
            PatientId = id, Kind = Kind, Wording = Wording!.Trim(),
            GivenAt = GivenOn == Today ? clock.GetUtcNow().UtcDateTime : GivenOn!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync(ct);
        return Redirect($"/staff/patients/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string consentId, CancellationToken ct)
    {
        if (await LoadAsync(id, consentId, ct, track: true) is { } missing) return missing;
        if (Stored is null || Stored.WithdrawnAt is not null) return BadRequest();
        db.Entry(Stored).Property(c => c.ConcurrencyStamp).OriginalValue = ConcurrencyStamp;
        Stored.WithdrawnAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
            // A published case must disappear with its consent, not when the cached page expires.
            if (Stored.Kind == ConsentKind.CasePublication) await publicCache.EvictByTagAsync(PublicSite.PublicSiteCache.Tag, ct);
            return Redirect($"/staff/patients/{id}");
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, consentId, ct);
            Conflict = FormConventions.ConcurrencyConflict;
            return Page();
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<IActionResult?> LoadAsync(Guid id, string consentId, CancellationToken ct, bool track = false)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null) return NotFound();
        Patient = PatientIdentityView.For(User, patient);
        if (consentId == "new") return null;
        if (!Guid.TryParse(consentId, out var cid)) return NotFound();
        Stored = await (track ? db.Consents : db.Consents.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == cid && c.PatientId == id, ct);
        return Stored is null ? NotFound() : null;
    }
}

using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Consents;

/// <summary>Records a consent with its exact wording ("new"), or records its withdrawal. A consent is never edited.</summary>
[Authorize(Policy = StaffPolicies.EditRegistry)]
[ReadsPatientData(nameof(ConsentRecord))]
public sealed class ConsentFormModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock, IOutputCacheStore publicCache)
    : RecordFormModel<ConsentRecord>(db, clock)
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
    [TextLimit(FieldLengths.Note)]
    [BindProperty] public string? Wording { get; set; }
    [BindProperty] public DateOnly? GivenOn { get; set; }
    [BindProperty] public Guid ConcurrencyStamp { get; set; }

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
        Db.Consents.Add(new ConsentRecord
        {
            PatientId = id, Kind = Kind, Wording = Wording!.Trim(),
            GivenAt = GivenOn == Today ? Clock.GetUtcNow().UtcDateTime : GivenOn!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        });
        await Db.SaveChangesAsync(ct);
        return ToChart(id);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string consentId, CancellationToken ct)
    {
        if (await LoadAsync(id, consentId, ct, track: true) is { } missing) return missing;
        if (Stored is null || Stored.WithdrawnAt is not null) return BadRequest();
        Db.Entry(Stored).Property(c => c.ConcurrencyStamp).OriginalValue = ConcurrencyStamp;
        Stored.WithdrawnAt = Clock.GetUtcNow().UtcDateTime;
        var kind = Stored.Kind;
        return await SaveAsync(async () =>
        {
            await Db.SaveChangesAsync(ct);
            // A published case must disappear with its consent, not when the cached page expires.
            if (kind == ConsentKind.CasePublication) await publicCache.EvictByTagAsync(PublicSite.PublicSiteCache.Tag, ct);
        }, ToChart(id), () => LoadAsync(id, consentId, ct));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string consentId, CancellationToken ct, bool track = false)
    {
        if (await LoadPatientAsync(id, ct) is { } missing) return missing;
        return await LoadRecordAsync(consentId, Db.Consents, track, cid => c => c.Id == cid && c.PatientId == id, ct);
    }
}

using CellTherapyCenter.Web.Data;
using CellTherapyCenter.Web.Data.Model;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using CellTherapyCenter.Web.Features.Inquiries;

namespace CellTherapyCenter.Web.Features.Patients;

[Authorize(Policy = StaffPolicies.EditRegistry)]
public sealed class RegisterModel(RegistryDbContext db, TimeProvider clock) : PageModel
{
    public const string ConsentWording =
        "I agree that the clinic records and processes my health data to assess, treat and follow my illness. " +
        "I can withdraw this consent at any time.";

    [BindProperty] public PatientInput Input { get; set; } = new();
    [BindProperty] public bool HealthDataConsent { get; set; }
    /// <summary>The inbox request this registration comes from, if any: its data fill the form and its consent is carried over.</summary>
    [BindProperty(SupportsGet = true, Name = "inquiry")] public Guid? InquiryId { get; set; }
    public Inquiry? FromInquiry { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (InquiryId is null) return Page();
        FromInquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Id == InquiryId, ct);
        if (FromInquiry is null) return NotFound();
        if (FromInquiry.PatientId is { } existing) return Redirect($"/staff/patients/{existing}");
        var (given, family) = SplitName(FromInquiry.Name);
        Input = new PatientInput
        {
            GivenName = given, FamilyName = family, Email = FromInquiry.Email, Phone = FromInquiry.Phone,
            Country = FromInquiry.Country, PreferredLanguage = FromInquiry.PreferredLanguage,
        };
        return Page();
    }

    /// <summary>"Ana Marija Petrović" → ("Ana Marija", "Petrović"): a guess for staff to check, shown in the form.</summary>
    public static (string Given, string Family) SplitName(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length <= 1 ? (name.Trim(), "") : (string.Join(' ', parts[..^1]), parts[^1]);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var phone = Input.Validate(ModelState, DateOnly.FromDateTime(now));
        if (InquiryId is not null)
        {
            FromInquiry = await db.Inquiries.FirstOrDefaultAsync(i => i.Id == InquiryId, ct);
            if (FromInquiry is null) return NotFound();
            if (FromInquiry.PatientId is not null) ModelState.AddModelError("", "This request has already been registered as a patient.");
        }
        if (!ModelState.IsValid) return Page();

        var patient = new Patient { FamilyName = "", GivenName = "", Pseudonym = await PatientInput.NewPseudonymAsync(db, ct) };
        Input.ApplyTo(patient, phone);
        db.Patients.Add(patient);
        if (HealthDataConsent)
            db.Consents.Add(new ConsentRecord { PatientId = patient.Id, Kind = ConsentKind.HealthDataProcessing, Wording = ConsentWording, GivenAt = now });
        if (FromInquiry is not null)
        {
            // The consent given on the public form, with its own words and time.
            db.Consents.Add(new ConsentRecord { PatientId = patient.Id, Kind = ConsentKind.HealthDataProcessing, Wording = FromInquiry.ConsentWording, GivenAt = FromInquiry.ConsentGivenAt });
            FromInquiry.PatientId = patient.Id;
            FromInquiry.ConcurrencyStamp = Guid.NewGuid();
            FromInquiry.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return Redirect($"/staff/patients/{patient.Id}");
    }
}

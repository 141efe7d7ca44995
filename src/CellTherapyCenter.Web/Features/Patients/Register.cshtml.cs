using CellTherapyCenter.Web.Data;
using CellTherapyCenter.Web.Data.Model;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Patients;

[Authorize(Policy = StaffPolicies.EditRegistry)]
public sealed class RegisterModel(RegistryDbContext db, TimeProvider clock) : PageModel
{
    public const string ConsentWording =
        "I agree that the clinic records and processes my health data to assess, treat and follow my illness. " +
        "I can withdraw this consent at any time.";

    [BindProperty] public PatientInput Input { get; set; } = new();
    [BindProperty] public bool HealthDataConsent { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var phone = Input.Validate(ModelState, DateOnly.FromDateTime(now));
        if (!ModelState.IsValid) return Page();

        var patient = new Patient { FamilyName = "", GivenName = "", Pseudonym = await PatientInput.NewPseudonymAsync(db, ct) };
        Input.ApplyTo(patient, phone);
        db.Patients.Add(patient);
        if (HealthDataConsent)
            db.Consents.Add(new ConsentRecord { PatientId = patient.Id, Kind = ConsentKind.HealthDataProcessing, Wording = ConsentWording, GivenAt = now });
        await db.SaveChangesAsync(ct);
        return Redirect($"/staff/patients/{patient.Id}");
    }
}

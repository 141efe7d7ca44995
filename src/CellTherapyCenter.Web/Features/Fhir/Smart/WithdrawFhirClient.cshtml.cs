using CellTherapyCenter.Data.Fhir;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Fhir.Smart;

/// <summary>Withdrawing a FHIR client, after a confirmation: no new token, and its current tokens refused from the next request.</summary>
[Authorize(Policy = StaffPolicies.Administer)]
[NoPatientData]
public sealed class WithdrawFhirClientModel(FhirClientRegistry registry) : PageModel
{
    public FhirClient Client { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string clientId, CancellationToken ct)
    {
        if (await registry.FindActiveAsync(clientId, ct) is not { } client) return NotFound();
        Client = client;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string clientId, CancellationToken ct)
    {
        if (!await registry.WithdrawAsync(clientId, User.Identity?.Name, ct)) return NotFound();
        return RedirectToPage("/Fhir/Smart/FhirClients");
    }
}

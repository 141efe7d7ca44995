using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Fhir;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Fhir.Smart;

/// <summary>
/// The FHIR API's clients for administrators: who may call it, as which role, with which scopes,
/// when each last got a token; registering one with its public key set (pasted or a file), and a
/// link to withdraw one.
/// </summary>
[Authorize(Policy = StaffPolicies.Administer)]
[NoPatientData]
public sealed class FhirClientsModel(FhirClientRegistry registry) : PageModel
{
    /// <summary>The longest key set accepted, pasted or uploaded: a handful of keys fits easily.</summary>
    public const int MaxKeySetLength = 16_000;

    public sealed class AddInput
    {
        [Required(ErrorMessage = "Name the client."), TextLimit(FieldLengths.PersonName), PersonName]
        public string Name { get; set; } = "";
        [TextLimit(MaxKeySetLength)]
        public string? KeySet { get; set; }
        [Required(ErrorMessage = "Name at least one scope."), TextLimit(FieldLengths.Reason)]
        public string Scopes { get; set; } = "system/*.read";
        [TextLimit(FieldLengths.Code)]
        public string Role { get; set; } = FhirClientRegistry.DefaultRole;
    }

    [BindProperty] public AddInput Input { get; set; } = new();
    [BindProperty] public IFormFile? KeySetFile { get; set; }

    public IReadOnlyList<FhirClient> Clients { get; private set; } = [];

    /// <summary>The client id of the client just registered, shown once above the list.</summary>
    [TempData] public string? Added { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Clients = await registry.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var keySet = Input.KeySet;
        if (KeySetFile is { Length: > 0 })
        {
            if (KeySetFile.Length > MaxKeySetLength)
                ModelState.AddFieldError(() => KeySetFile, "This file is too large for a key set: choose the file with the client's public keys.");
            else
            {
                using var reader = new StreamReader(KeySetFile.OpenReadStream());
                keySet = await reader.ReadToEndAsync(ct);
            }
        }
        else if (string.IsNullOrWhiteSpace(keySet))
            ModelState.AddFieldError(() => Input.KeySet, "Paste the client's public key set, or choose its file.");
        if (!ModelState.IsValid)
        {
            Clients = await registry.ListAsync(ct);
            return Page();
        }
        try
        {
            var client = await registry.AddAsync(Input.Name, keySet!, Input.Scopes, Input.Role, User.Identity?.Name, ct);
            Added = client.ClientId;
            return RedirectToPage();
        }
        catch (FhirClientRefusedException e)
        {
            switch (e.Field)
            {
                case FhirClientField.Name: ModelState.AddFieldError(() => Input.Name, e.Message); break;
                case FhirClientField.Scopes: ModelState.AddFieldError(() => Input.Scopes, e.Message); break;
                case FhirClientField.Role: ModelState.AddFieldError(() => Input.Role, e.Message); break;
                default: ModelState.AddFieldError(() => Input.KeySet, e.Message); break;
            }
            Clients = await registry.ListAsync(ct);
            return Page();
        }
    }
}

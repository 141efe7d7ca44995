using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Localization;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Portal.Access;

/// <summary>
/// Staff give a patient, and caregivers acting for them, access to the portal by email
/// invitation, send a fresh link, or withdraw access with a reason.
/// </summary>
[Authorize(Policy = StaffPolicies.EditRegistry)]
[ReadsPatientData(nameof(PortalAccount), "portal access")]
public sealed class PortalAccessPageModel(RegistryDbContext db, PatientReadAudit audit, PortalInvitations invitations, TimeProvider clock) : PageModel
{
    public sealed class InviteInput
    {
        public PortalRole Role { get; set; } = PortalRole.Patient;
        [Required(ErrorMessage = "Enter the name the portal should greet them by."), TextLimit(FieldLengths.PersonName), PersonName]
        public string? DisplayName { get; set; }
        [Required(ErrorMessage = "Enter the email address the invitation goes to."), EmailAddress(ErrorMessage = "Enter a valid email address."), TextLimit(FieldLengths.Email)]
        public string? Email { get; set; }
        [TextLimit(FieldLengths.SiteLanguage)]
        public string Language { get; set; } = "en";
    }

    [BindProperty] public InviteInput Input { get; set; } = new();
    [TextLimit(FieldLengths.Reason)]
    [BindProperty] public string? Reason { get; set; }
    public PatientIdentityView Patient { get; private set; } = null!;
    public List<PortalAccount> Accounts { get; private set; } = [];
    public string? Message { get; private set; }
    /// <summary>The account whose withdrawal was refused: its reason field shows the message and what was typed.</summary>
    public Guid? RevokingAccountId { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } patient) return NotFound();
        Input = new InviteInput { DisplayName = patient.GivenName, Email = patient.Email, Language = (SiteLanguages.Find(patient.PreferredLanguage) ?? SiteLanguages.English).Culture };
        Message = done switch { "invited" => "Invitation sent.", "resent" => "A new link was sent; the old one no longer works.", "revoked" => "Access withdrawn.", _ => null };
        audit.Read(id);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null) return NotFound();
        if (!Enum.IsDefined(Input.Role)) ModelState.AddFieldError(() => Input.Role, "Choose patient or caregiver.");
        if (SiteLanguages.Find(Input.Language) is null) ModelState.AddFieldError(() => Input.Language, "Choose a language.");
        if (!ModelState.IsValid) return Page();
        try
        {
            await invitations.InviteAsync(id, Input.Role, Input.DisplayName!, Input.Email!, Input.Language, User.Identity?.Name, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (PortalInvitationException e)
        {
            ModelState.AddFieldError(() => Input.Email, e.Message);
            return Page();
        }
        catch (ArgumentException)
        {
            ModelState.AddFieldError(() => Input.Email, "This address cannot receive email from us; check it.");
            return Page();
        }
        return RedirectToPage("/Portal/Access/PortalAccessPage", new { id, done = "invited" });
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, Guid accountId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null) return NotFound();
        var account = await db.PortalAccounts.FirstOrDefaultAsync(a => a.Id == accountId && a.PatientId == id, ct);
        if (account is null) return NotFound();
        try { invitations.Resend(account); }
        catch (PortalInvitationException e) { Message = e.Message; return Page(); }
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Portal/Access/PortalAccessPage", new { id, done = "resent" });
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid accountId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null) return NotFound();
        var account = await db.PortalAccounts.FirstOrDefaultAsync(a => a.Id == accountId && a.PatientId == id && a.VoidedAt == null, ct);
        if (account is null) return NotFound();
        ModelState.Clear();
        // Refused beside the account's reason field, which keeps what was typed.
        RevokingAccountId = accountId;
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddFieldError(() => Reason, "Give a reason for withdrawing access.");
            return Page();
        }
        if (Reason.Length > FieldLengths.Reason)
        {
            ModelState.AddFieldError(() => Reason, new TextLimitAttribute(FieldLengths.Reason).FormatErrorMessage(nameof(Reason)));
            return Page();
        }
        await invitations.RevokeAsync(account, Reason, User.Identity?.Name, ct);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Portal/Access/PortalAccessPage", new { id, done = "revoked" });
    }

    private async Task<Patient?> LoadAsync(Guid id, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.VoidedAt == null, ct);
        if (patient is null) return null;
        Patient = PatientIdentityView.For(User, patient);
        Accounts = await db.PortalAccounts.AsNoTracking().Where(a => a.PatientId == id).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        return patient;
    }
}

using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.Portal.Accounts;

/// <summary>
/// Adds a passkey to the portal sign-in, so the next sign-in is a fingerprint, a face or the screen
/// lock instead of typing a password. Offered on the home page until the sign-in has one, and from
/// settings. Shows only how many passkeys the sign-in has, nothing of the patient's record.
/// </summary>
public sealed class AddPasskeyModel(PortalSession session, PatientReadAudit audit, UserManager<StaffUser> users, SignInManager<StaffUser> signIn,
    PasskeyCeremonies passkeys, AuditLog log, IStringLocalizer<AccountText> text) : PortalPageModel(session, audit)
{
    [BindProperty, TextLimit(FieldLengths.WebAuthnResponse, Translated = true)]
    public string? CredentialJson { get; set; }

    /// <summary>What the browser said when it could not make a passkey (never shown or stored: the page says it in its own words).</summary>
    [BindProperty, TextLimit(FieldLengths.ShortNote, Translated = true)]
    public string? Error { get; set; }

    public int Count { get; private set; }
    public bool Added { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool added)
    {
        HttpContext.RequestServices.GetRequiredService<PatientReadAudit>().NothingRead();
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Count = (await users.GetPasskeysAsync(user)).Count;
        Added = added;
        return Page();
    }

    /// <summary>The challenge for a new passkey (JSON), for wwwroot/js/passkeys.js.</summary>
    public async Task<IActionResult> OnPostOptionsAsync()
    {
        HttpContext.RequestServices.GetRequiredService<PatientReadAudit>().NothingRead();
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        return Content(await passkeys.CreationOptionsAsync(user), "application/json");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        HttpContext.RequestServices.GetRequiredService<PatientReadAudit>().NothingRead();
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var (name, _) = string.IsNullOrEmpty(CredentialJson) || CredentialJson.Length > PasskeyCeremonies.MaxAnswerLength
            ? (null, "no answer")
            : await passkeys.AddAsync(user, CredentialJson);
        if (name is null)
        {
            Count = (await users.GetPasskeysAsync(user)).Count;
            Message = text[string.IsNullOrEmpty(CredentialJson) ? "Passkey.NoAnswer" : "Passkey.NotAdded"];
            return Page();
        }
        await log.WriteAsync(AccountAuditActions.PasskeyAdded, nameof(PortalAccount), Account.Id.ToString(), Account.PatientId, name, ct,
            userName: user.UserName, userId: user.Id);
        // Adding a passkey moves the security stamp: the session's cookie is issued again to match.
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage("/Portal/Accounts/AddPasskey", new { added = "true" });
    }
}

using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Accounts;

/// <summary>
/// A staff member's sign-in methods: password, authenticator app with its recovery codes, passkeys
/// (add, name, remove). Also where a staff member without a second factor is held when one is required.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[NoPatientData]
public sealed class SecurityModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditLog audit, IOptions<StaffSignInOptions> options,
    CredentialNotices notices, PasskeyCeremonies passkeys) : PageModel
{
    public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt);

    public bool AuthenticatorEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];
    public bool NeedsSecondFactor { get; private set; }
    public bool RequireTwoFactor => options.Value.RequireTwoFactor;
    public string? Message { get; private set; }
    /// <summary>New recovery codes, shown once on the answer that made them.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    [BindProperty, TextLimit(FieldLengths.WebAuthnResponse)] public string? CredentialJson { get; set; }
    [BindProperty, TextLimit(FieldLengths.ShortNote)] public string? Error { get; set; }
    [BindProperty, TextLimit(FieldLengths.CredentialId)] public string? PasskeyId { get; set; }
    [BindProperty, StringLength(100, ErrorMessage = "A passkey name has at most 100 characters.")] public string? PasskeyName { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    /// <summary>The challenge for a new passkey (JSON), for the browser (wwwroot/js/passkeys.js).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return Content(await passkeys.CreationOptionsAsync(user), "application/json");
    }

    public async Task<IActionResult> OnPostAddPasskeyAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (string.IsNullOrEmpty(CredentialJson) || CredentialJson.Length > PasskeyCeremonies.MaxAnswerLength)
            return await ShowAsync(user, string.IsNullOrEmpty(Error)
                ? "Your browser did not send a passkey. Passkeys need JavaScript and a recent browser."
                : "The passkey was not added: " + Error[..Math.Min(Error.Length, 200)]);
        var (name, failure) = await passkeys.AddAsync(user, CredentialJson);
        if (name is null) return await ShowAsync(user, $"The passkey was not added: {failure}");
        notices.Enqueue(HttpContext, user, CredentialChange.PasskeyAdded, name);
        await audit.WriteAsync(AccountAuditActions.PasskeyAdded, nameof(StaffUser), user.Id, null, name, ct);
        await signIn.RefreshSignInAsync(user);
        SavedBanner.Show(TempData, $"Passkey added as \"{name}\". You can give it a name of your own below.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenamePasskeyAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var passkey = await FindPasskeyAsync(user);
        if (passkey is null) return await ShowAsync(user, "That passkey is not on your account.");
        if (string.IsNullOrWhiteSpace(PasskeyName) || !ModelState.IsValid)
            return await ShowAsync(user, "Enter a name of at most 100 characters for the passkey.");
        passkey.Name = PasskeyName.Trim();
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        await audit.WriteAsync(AccountAuditActions.PasskeyRenamed, nameof(StaffUser), user.Id, null, passkey.Name, ct);
        SavedBanner.Show(TempData, $"Passkey renamed \"{passkey.Name}\".");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var passkey = await FindPasskeyAsync(user);
        if (passkey is null) return await ShowAsync(user, "That passkey is not on your account.");
        if (RequireTwoFactor && !user.TwoFactorEnabled && (await users.GetPasskeysAsync(user)).Count == 1)
            return await ShowAsync(user, "This is your only second factor. Add another passkey or an authenticator app before you remove it.");
        await users.RemovePasskeyAsync(user, passkey.CredentialId);
        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        notices.Enqueue(HttpContext, user, CredentialChange.PasskeyRemoved, passkey.Name);
        await audit.WriteAsync(AccountAuditActions.PasskeyRemoved, nameof(StaffUser), user.Id, null, passkey.Name, ct);
        SavedBanner.Show(TempData, $"Passkey \"{passkey.Name}\" removed.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAuthenticatorAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (RequireTwoFactor && (await users.GetPasskeysAsync(user)).Count == 0)
            return await ShowAsync(user, "The authenticator app is your only second factor. Add a passkey before you remove it.");
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await signIn.RefreshSignInAsync(user);
        notices.Enqueue(HttpContext, user, CredentialChange.AuthenticatorRemoved);
        await audit.WriteAsync(AccountAuditActions.AuthenticatorRemoved, nameof(StaffUser), user.Id, null, null, ct);
        SavedBanner.Show(TempData, "The authenticator app was removed from your account, with its recovery codes.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return await ShowAsync(user, "Recovery codes come with an authenticator app: set one up first.");
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        notices.Enqueue(HttpContext, user, CredentialChange.RecoveryCodesGenerated);
        await audit.WriteAsync(AccountAuditActions.RecoveryCodesGenerated, nameof(StaffUser), user.Id, null, null, ct);
        await LoadAsync(user);
        return Page();
    }

    private async Task<UserPasskeyInfo?> FindPasskeyAsync(StaffUser user)
    {
        if (string.IsNullOrEmpty(PasskeyId)) return null;
        byte[] id;
        try { id = Convert.FromBase64String(PasskeyId); }
        catch (FormatException) { return null; }
        return await users.GetPasskeyAsync(user, id);
    }

    private async Task<IActionResult> ShowAsync(StaffUser user, string message)
    {
        Message = message;
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(StaffUser user)
    {
        AuthenticatorEnabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        Passkeys = [.. (await users.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(Convert.ToBase64String(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt))];
        NeedsSecondFactor = RequireTwoFactor && !AuthenticatorEnabled && Passkeys.Count == 0;
    }
}

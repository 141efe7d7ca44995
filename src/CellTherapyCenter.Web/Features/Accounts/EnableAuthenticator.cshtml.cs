using System.ComponentModel.DataAnnotations;
using System.Text;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Accounts;

/// <summary>
/// Sets up an authenticator app: the key (in groups of four, and as an otpauth address), then a
/// code from the app to prove it works; the answer shows ten single-use recovery codes, once.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[NoPatientData]
public sealed class EnableAuthenticatorModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditLog audit,
    CredentialNotices notices) : PageModel
{
    public const string Issuer = "CellTherapyCenter";

    [BindProperty, Required(ErrorMessage = "Enter the six-digit code your app shows."), StringLength(20)]
    public string Code { get; set; } = "";

    public bool AlreadyEnabled { get; private set; }
    public string GroupedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled || !ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code);
        if (!valid)
        {
            ModelState.AddFieldError(() => Code, "This code is not right. Check that the key was typed in full and that your phone's clock is right, then enter the next code.");
            await LoadKeyAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await signIn.RefreshSignInAsync(user);
        notices.Enqueue(HttpContext, user, CredentialChange.AuthenticatorAdded);
        await audit.WriteAsync(AccountAuditActions.AuthenticatorEnabled, nameof(StaffUser), user.Id, null, null, ct);
        AlreadyEnabled = true;
        return Page();
    }

    private async Task LoadKeyAsync(StaffUser user)
    {
        AlreadyEnabled = user.TwoFactorEnabled;
        if (AlreadyEnabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // The new key moved the security stamp: keep this session.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        GroupedKey = Group(key);
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? user.UserName ?? "")}" +
            $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
    }

    internal static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0 && i % 4 == 0) grouped.Append(' ');
            grouped.Append(char.ToLowerInvariant(key[i]));
        }
        return grouped.ToString();
    }
}

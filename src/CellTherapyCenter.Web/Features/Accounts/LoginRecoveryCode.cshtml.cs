using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Accounts;

/// <summary>The second step with one of the ten single-use recovery codes instead of the app.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
[NoPatientData]
public sealed class LoginRecoveryCodeModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter one of your recovery codes."), StringLength(40)]
    public string RecoveryCode { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    /// <summary>False when no password sign-in is waiting for its second step (the page then says to start at sign-in).</summary>
    public bool UnderWay { get; private set; } = true;

    public async Task OnGetAsync() => UnderWay = await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            UnderWay = false;
            return Page();
        }
        if (!ModelState.IsValid) return Page();

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            var left = await users.CountRecoveryCodesAsync(user);
            await audit.WriteAsync(AccountAuditActions.RecoveryCodeUsed, nameof(StaffUser), user.Id, null,
                string.Create(CultureInfo.InvariantCulture, $"{left} recovery codes left"), ct, userName: user.UserName, userId: user.Id);
            return LocalRedirect(LocalReturnUrl.IsSafe(ReturnUrl) ? ReturnUrl! : Url.Page("/Accounts/StaffHome")!);
        }
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.Lockout, nameof(StaffUser), user.Id, null, "recovery code", ct, userName: user.UserName, userId: user.Id);
            Message = "This account is locked after repeated failed sign-ins. Try again later or ask an administrator.";
            return Page();
        }
        await audit.WriteAsync(AccountAuditActions.TwoFactorFailed, nameof(StaffUser), user.Id, null, "recovery code", ct, userName: user.UserName, userId: user.Id);
        ModelState.AddFieldError(() => RecoveryCode, "This recovery code is not right or was already used.");
        return Page();
    }
}

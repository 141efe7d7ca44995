using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Accounts;

/// <summary>
/// Asks for a password-reset link by email. The answer is the same whether or not the address
/// belongs to a staff account, and so is the work behind it: both look the address and its roles up
/// with the same queries, make a reset token and the email (encrypted as stored, as the link is a
/// secret), and commit one outbox row and one audit line. For an unknown address the token belongs to
/// a stand-in account that does not exist and the row is written as not to be sent, so nothing goes
/// out. The link works once (the reset moves the security stamp) and for
/// <see cref="StaffSignInOptions.PasswordResetLinkLifetime"/>.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
[NoPatientData]
public sealed class ForgotPasswordModel(UserManager<StaffUser> users, EmailOutbox outbox, AuditLog audit,
    SignInAttempts attempts, IDataProtectionProvider protection, IOptions<StaffSignInOptions> options) : PageModel
{
    public const string EmailKind = "staff-password-reset";

    /// <summary>Where the row written for an address without a staff account is "sent": nowhere (RFC 2606's reserved name).</summary>
    public const string NoAccountAddress = "no-staff-account@invalid";

    public const string NoAccountDetail = "no staff account has this address";

    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter a valid email address."), StringLength(256)]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var found = await users.FindByEmailAsync(Email.Trim());
        // One query whether or not the address has an account.
        var known = await attempts.HasRoleAsync(found, StaffRoles.All, ct);
        var user = known ? found! : StandIn();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Url.Page("/Accounts/ResetPassword", null, new { userId = user.Id, token }, Request.Scheme)!;
        var minutes = (int)options.Value.PasswordResetLinkLifetime.TotalMinutes;
        var body = OutboxPrivacy.Protect(protection, $"""
            Someone, probably you, asked to reset the password of your CellTherapyCenter staff account.

            To choose a new password, open this link within {minutes} minutes. It works once:
            {link}

            If you did not ask for this, ignore this email: your password stays as it is.
            """);
        const string subject = "Reset your CellTherapyCenter password";
        if (known)
        {
            outbox.Enqueue(EmailKind, user.Email!, user.DisplayName, subject, body);
        }
        else
        {
            outbox.EnqueueUnsent(EmailKind, NoAccountAddress, subject, body, NoAccountDetail);
        }
        // The row and the audit line in one commit, on either path.
        await audit.WriteAsync(AccountAuditActions.PasswordResetRequested, nameof(StaffUser), known ? user.Id : null, null,
            known ? null : NoAccountDetail, ct, userName: known ? user.UserName : Email, userId: known ? user.Id : null);
        outbox.WakeDispatcher();
        // The same answer for every address: whether an account exists is not told.
        Sent = true;
        return Page();
    }

    /// <summary>An account that does not exist, with an id and a stamp of the real kind, for the token of an unknown address.</summary>
    private static StaffUser StandIn() => new()
    {
        Id = Guid.NewGuid().ToString(), SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), DisplayName = "",
    };
}

using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Accounts;

/// <summary>
/// Asks for a password-reset link by email. The answer is the same whether or not the address
/// belongs to a staff account; the link works once (the reset moves the security stamp) and for
/// <see cref="StaffSignInOptions.PasswordResetLinkLifetime"/>.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
[NoPatientData]
public sealed class ForgotPasswordModel(UserManager<StaffUser> users, RegistryDbContext db, EmailOutbox outbox, AuditLog audit,
    IOptions<StaffSignInOptions> options) : PageModel
{
    public const string EmailKind = "staff-password-reset";

    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter a valid email address."), StringLength(256)]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null && (await users.GetRolesAsync(user)).Any(StaffRoles.All.Contains))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = Url.Page("/Accounts/ResetPassword", null, new { userId = user.Id, token }, Request.Scheme)!;
            var minutes = (int)options.Value.PasswordResetLinkLifetime.TotalMinutes;
            outbox.Enqueue(EmailKind, user.Email!, user.DisplayName, "Reset your CellTherapyCenter password",
                $"""
                Someone, probably you, asked to reset the password of your CellTherapyCenter staff account.

                To choose a new password, open this link within {minutes} minutes. It works once:
                {link}

                If you did not ask for this, ignore this email: your password stays as it is.
                """);
            await db.SaveChangesAsync(ct);
            outbox.WakeDispatcher();
            await audit.WriteAsync(AccountAuditActions.PasswordResetRequested, nameof(StaffUser), user.Id, null, null, ct, userName: user.UserName, userId: user.Id);
        }
        // The same answer for every address: whether an account exists is not told.
        Sent = true;
        return Page();
    }
}

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure.Email;

namespace CellTherapyCenter.Web.Features.Accounts;

/// <summary>A change to how a staff member signs in, told to them by email (<see cref="CredentialNotices"/>).</summary>
public enum CredentialChange
{
    [Display(Name = "Password changed")] PasswordChanged,
    [Display(Name = "Password reset")] PasswordReset,
    [Display(Name = "Authenticator app added")] AuthenticatorAdded,
    [Display(Name = "Authenticator app removed")] AuthenticatorRemoved,
    [Display(Name = "Recovery codes made anew")] RecoveryCodesGenerated,
    [Display(Name = "Passkey added")] PasskeyAdded,
    [Display(Name = "Passkey removed")] PasskeyRemoved,
}

/// <summary>
/// Tells a staff member by email that a way of signing in to their account changed (ASVS 4.0.3
/// V2.2.3, V2.5.5), so that a change they did not make does not go unnoticed. The message is plain
/// text and holds no secret and no sign-in link: what changed, when (UTC), and what to do if it was
/// not them. It is only queued in the outbox (<see cref="EmailOutbox"/>): the caller's next save,
/// the change's audit line, commits it with the change.
/// </summary>
public sealed class CredentialNotices(EmailOutbox outbox, TimeProvider clock, LinkGenerator links)
{
    public const string EmailKind = "staff-credential-changed";

    public void Enqueue(HttpContext http, StaffUser user, CredentialChange change, string? passkeyName = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(user.Email)) return;
        var (subject, what) = Describe(change, passkeyName);
        var when = clock.GetUtcNow().ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var forgot = links.GetUriByPage(http, "/Accounts/ForgotPassword");
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? "" : " " + user.DisplayName;
        outbox.Enqueue(EmailKind, user.Email, user.DisplayName, subject,
            $"""
            Hello{name},

            {what} on {when}.

            If you made this change, there is nothing more to do.

            If you did not, someone else may know your password or hold one of your devices:
            - choose a new password at once with "Forgot your password?" on the staff sign-in page:
              {forgot}
            - sign in and, under "Account", remove any passkey or authenticator app you do not recognise;
            - tell your administrator, who can see what was done on the account in the audit trail.

            This email was sent automatically to the address of your CellTherapyCenter staff account.
            It contains no link that signs you in, and we never ask for your password by email.
            """);
    }

    internal static (string Subject, string What) Describe(CredentialChange change, string? passkeyName)
    {
        var passkey = string.IsNullOrWhiteSpace(passkeyName) ? "A passkey" : $"The passkey \"{passkeyName}\"";
        return change switch
        {
            CredentialChange.PasswordChanged => ("Your CellTherapyCenter password was changed",
                "The password of your CellTherapyCenter staff account was changed"),
            CredentialChange.PasswordReset => ("Your CellTherapyCenter password was reset",
                "The password of your CellTherapyCenter staff account was replaced through an emailed reset link"),
            CredentialChange.AuthenticatorAdded => ("An authenticator app was added to your CellTherapyCenter account",
                "An authenticator app was set up as a second factor for your CellTherapyCenter staff account, with ten new recovery codes,"),
            CredentialChange.AuthenticatorRemoved => ("An authenticator app was removed from your CellTherapyCenter account",
                "The authenticator app and its recovery codes were removed from your CellTherapyCenter staff account"),
            CredentialChange.RecoveryCodesGenerated => ("New recovery codes for your CellTherapyCenter account",
                "New recovery codes were made for your CellTherapyCenter staff account (the earlier ones no longer work)"),
            CredentialChange.PasskeyAdded => ("A passkey was added to your CellTherapyCenter account",
                $"{passkey} was added to your CellTherapyCenter staff account"),
            CredentialChange.PasskeyRemoved => ("A passkey was removed from your CellTherapyCenter account",
                $"{passkey} was removed from your CellTherapyCenter staff account"),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Not a credential change."),
        };
    }
}

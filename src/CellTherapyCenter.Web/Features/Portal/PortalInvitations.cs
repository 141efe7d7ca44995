using System.Globalization;
using System.Security.Cryptography;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Portal;

/// <summary>A refusal staff or the invited person can act on; the message is shown as it is.</summary>
public sealed class PortalInvitationException(string message) : Exception(message);

/// <summary>
/// Invitations to the portal. The emailed link carries a random token; only its SHA-256 is
/// stored on the account, and the queued email's body is encrypted until sent and then emptied
/// (<see cref="OutboxPrivacy"/>), so the token is never in the database in clear. It works once,
/// and for <see cref="ValidFor"/>. Accepting creates the sign-in with the
/// portal role only. The email is written in the account's language.
/// </summary>
public sealed class PortalInvitations(
    RegistryDbContext db,
    EmailOutbox outbox,
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    IStringLocalizer<PortalText> text,
    IOptions<FollowUpOptions> followUp,
    IOptions<ClinicOptions> clinic,
    IDataProtectionProvider protection,
    TimeProvider clock)
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(14);
    public const string EmailKind = "portal-invitation";

    /// <summary>Adds the account and its email to the context; the caller saves both in one commit.</summary>
    public async Task<PortalAccount> InviteAsync(Guid patientId, PortalRole role, string displayName, string email, string language,
        string? invitedBy, CancellationToken ct)
    {
        email = email.Trim();
        if (await db.ErasureRequests.AnyAsync(r => r.PatientId == patientId && r.VoidedAt == null, ct))
            throw new PortalInvitationException("Processing of this patient's data is restricted at their request: no portal access.");
        await EnsureAddressIsFreeAsync(email, null, ct);
        var account = new PortalAccount
        {
            PatientId = patientId, Role = role, DisplayName = displayName.Trim(), Email = email,
            Language = (SiteLanguages.Find(language) ?? SiteLanguages.English).Culture, InvitedBy = invitedBy,
        };
        db.PortalAccounts.Add(account);
        Send(account);
        return account;
    }

    /// <summary>A fresh link for an account not yet accepted (the old link stops working).</summary>
    public void Resend(PortalAccount account)
    {
        if (account.AcceptedAt is not null || account.IsVoided) throw new PortalInvitationException("This invitation was already used or withdrawn.");
        Send(account);
    }

    private void Send(PortalAccount account)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        account.InvitationTokenHash = Hash(token);
        account.InvitationExpiresAt = clock.GetUtcNow().UtcDateTime + ValidFor;
        var link = $"{followUp.Value.PortalUrl.TrimEnd('/')}/invitation?token={token}";
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(account.Language);
            var c = clinic.Value;
            // The link is the token: the queued body is encrypted and emptied once sent (OutboxPrivacy).
            outbox.Enqueue(EmailKind, account.Email, account.DisplayName, text["Invitation.Subject", c.Name],
                OutboxPrivacy.Protect(protection, text["Invitation.Body", account.DisplayName, c.Name, link, ValidFor.Days, c.Phone]));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The account a link's token opens, if it still may be used.</summary>
    public async Task<PortalAccount?> FindOpenAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.PortalAccounts.FirstOrDefaultAsync(a => a.InvitationTokenHash == hash && a.VoidedAt == null
            && a.AcceptedAt == null && a.InvitationExpiresAt > now, ct);
    }

    /// <summary>
    /// Creates the sign-in with <paramref name="password"/> and marks the invitation used. A person
    /// invited again after their access was withdrawn gets their old sign-in back with the new password.
    /// </summary>
    public async Task<IdentityResult> AcceptAsync(PortalAccount account, string password, CancellationToken ct)
    {
        await EnsureAddressIsFreeAsync(account.Email, account.Id, ct);
        if (!await roles.RoleExistsAsync(PortalAccess.Role)) await roles.CreateAsync(new IdentityRole(PortalAccess.Role));
        var user = await users.FindByEmailAsync(account.Email);
        if (user is null)
        {
            user = new StaffUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.DisplayName };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return created;
        }
        else
        {
            var check = await ValidatePasswordAsync(user, password);
            if (!check.Succeeded) return check;
            if (await users.HasPasswordAsync(user)) await users.RemovePasswordAsync(user);
            var added = await users.AddPasswordAsync(user, password);
            if (!added.Succeeded) return added;
            await users.SetLockoutEndDateAsync(user, null);
        }
        if (!await users.IsInRoleAsync(user, PortalAccess.Role))
        {
            var role = await users.AddToRoleAsync(user, PortalAccess.Role);
            if (!role.Succeeded) return role;
        }
        account.UserId = user.Id;
        account.AcceptedAt = clock.GetUtcNow().UtcDateTime;
        account.InvitationTokenHash = null;
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    private async Task<IdentityResult> ValidatePasswordAsync(StaffUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded) return result;
        }
        return IdentityResult.Success;
    }

    /// <summary>Withdraws access: voids the account and ends its sign-in's sessions within a minute.</summary>
    public async Task RevokeAsync(PortalAccount account, string reason, string? by, CancellationToken ct)
    {
        account.Void(reason, by, clock.GetUtcNow().UtcDateTime);
        account.InvitationTokenHash = null;
        if (account.UserId is { } userId && await users.FindByIdAsync(userId) is { } user)
        {
            await users.RemoveFromRoleAsync(user, PortalAccess.Role);
            await users.UpdateSecurityStampAsync(user);
        }
    }

    /// <summary>
    /// An address may be invited when no live account uses it and it is not a staff member's
    /// sign-in (staff and portal roles never share a sign-in).
    /// </summary>
    private async Task EnsureAddressIsFreeAsync(string email, Guid? except, CancellationToken ct)
    {
        var normalized = email.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // ToUpper() here is SQL upper(), not .NET's
        var taken = await db.PortalAccounts.AnyAsync(a => a.Id != except && a.VoidedAt == null && a.Email.ToUpper() == normalized, ct);
#pragma warning restore CA1304, CA1311, CA1862
        if (!taken && await users.FindByEmailAsync(email) is { } user)
            taken = (await users.GetRolesAsync(user)).Any(r => r != PortalAccess.Role);
        if (taken) throw new PortalInvitationException("This email address already has a sign-in. Each portal account needs its own address.");
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}

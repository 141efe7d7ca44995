using System.Globalization;
using System.Security.Cryptography;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Infrastructure.Localization;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Portal.Accounts;

/// <summary>
/// Password resets of portal accounts by emailed link. The link carries a random token; only its
/// SHA-256 is stored (<see cref="PortalPasswordReset"/>), and the queued email is encrypted until
/// sent (<see cref="OutboxPrivacy"/>). A link works once and for <see cref="ValidFor"/>; using it
/// ends every other session of the sign-in. Asking answers and writes the same whether or not the
/// address has a portal account, as the staff reset does: the same queries, one reset row, one
/// outbox row (for an unknown address never sent) and one audit line, in one commit.
/// </summary>
public sealed class PortalPasswordResets(
    RegistryDbContext db,
    UserManager<StaffUser> users,
    SignInAttempts attempts,
    EmailOutbox outbox,
    AuditLog audit,
    SessionStore sessions,
    IStringLocalizer<AccountText> text,
    IOptions<ClinicOptions> clinic,
    IDataProtectionProvider protection,
    TimeProvider clock)
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromMinutes(30);
    public const string EmailKind = "portal-password-reset";

    /// <summary>Where the row written for an address without a portal account is "sent": nowhere (RFC 2606).</summary>
    public const string NoAccountAddress = "no-portal-account@invalid";

    public const string NoAccountDetail = "no portal account has this address";

    /// <summary>Writes the reset and its email for <paramref name="email"/>; <paramref name="link"/> makes the link from the token.</summary>
    public async Task RequestAsync(string email, Func<string, string, string> link, CancellationToken ct)
    {
        email = email.Trim();
        var user = await users.FindByEmailAsync(email);
        // The same two queries whether or not the address has an account.
        var userId = user?.Id ?? "";
        var account = await db.PortalAccounts.AsNoTracking()
            .FirstOrDefaultAsync(a => a.UserId == userId && a.VoidedAt == null && a.AcceptedAt != null, ct);
        var known = await attempts.HasRoleAsync(user, [PortalAccess.Role], ct) && account is not null;

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        db.PortalPasswordResets.Add(new PortalPasswordReset
        {
            PortalAccountId = known ? account!.Id : null, TokenHash = PortalInvitations.Hash(token), CreatedAt = now, ExpiresAt = now + ValidFor,
        });
        // In the account's language; for an unknown address, in the page's (the text is never sent).
        var language = (known ? SiteLanguages.Find(account!.Language) : null) ?? SiteLanguages.Current;
        var (subject, body) = Compose(language, link(token, language.Culture));
        if (known) outbox.Enqueue(EmailKind, account!.Email, account.DisplayName, subject, body);
        else outbox.EnqueueUnsent(EmailKind, NoAccountAddress, subject, body, NoAccountDetail);
        // The reset row, the outbox row and the audit line in one commit, on either path.
        await audit.WriteAsync(AccountAuditActions.PasswordResetRequested, nameof(PortalAccount), known ? account!.Id.ToString() : null,
            known ? account!.PatientId : null, known ? "portal" : NoAccountDetail, ct,
            userName: known ? user!.UserName : email, userId: known ? user!.Id : null);
        outbox.WakeDispatcher();
    }

    private (string Subject, string Body) Compose(SiteLanguage language, string link)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language.Culture);
            var c = clinic.Value;
            return (text["Reset.EmailSubject", c.Name],
                OutboxPrivacy.Protect(protection, text["Reset.EmailBody", c.Name, (int)ValidFor.TotalMinutes, link, c.Phone]));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The live account whose open reset a link's token names, or null (unknown, used, expired or withdrawn).</summary>
    public async Task<PortalAccount?> FindOpenAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = PortalInvitations.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var reset = await db.PortalPasswordResets.FirstOrDefaultAsync(r => r.TokenHash == hash && r.UsedAt == null && r.ExpiresAt > now
            && r.PortalAccountId != null, ct);
        if (reset is null) return null;
        return await db.PortalAccounts.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == reset.PortalAccountId && a.VoidedAt == null && a.AcceptedAt != null && a.UserId != null, ct);
    }

    /// <summary>
    /// Sets the new password (checked as every password is), marks this and every other open link of
    /// the account used, and ends every session of the sign-in. Returns the sign-in, or the refusal.
    /// </summary>
    public async Task<(StaffUser? User, IdentityResult Result)> CompleteAsync(PortalAccount account, string password, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(account.UserId!);
        if (user is null) return (null, IdentityResult.Failed(new IdentityError { Code = nameof(IdentityErrorDescriber.InvalidToken) }));
        // Identity's own reset (validators, new security stamp) with a token that never leaves this call.
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!result.Succeeded) return (null, result);
        await users.ResetAccessFailedCountAsync(user);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.PortalPasswordResets.Where(r => r.PortalAccountId == account.Id && r.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UsedAt, now), ct);
        await sessions.RevokeAllAsync(user.Id, ct);
        await audit.WriteAsync(AccountAuditActions.PasswordReset, nameof(PortalAccount), account.Id.ToString(), account.PatientId, "portal emailed link",
            ct, userName: user.UserName, userId: user.Id);
        return (user, result);
    }
}

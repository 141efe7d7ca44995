using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;

namespace CellTherapyCenter.Web.Infrastructure.Sessions;

/// <summary>What asking to end one's own sessions came to.</summary>
internal enum EndOutcome
{
    /// <summary>The password was right and the sessions asked for are ended.</summary>
    Ended,
    /// <summary>The password was wrong: nothing ended, and the failure counts as a wrong sign-in password.</summary>
    WrongPassword,
    /// <summary>The account waits after repeated wrong passwords: nothing ended, the password was not looked at.</summary>
    Waiting,
}

/// <summary>
/// A user's view of their own sessions (ASVS 4.0.3 V3.3.4), staff and portal alike: the sessions
/// that still open pages, and ending one of them or all but the current one after the password is
/// typed again. The password check is the sign-in's own (<see cref="SignInAttempts"/>): a wrong one
/// counts towards the account's back-off, so a stolen session cannot guess the password here
/// faster than at the sign-in page. Each refusal and each ended session is an audit line.
/// </summary>
public sealed class OwnSessions(RegistryDbContext db, SessionStore store, SignInAttempts attempts, AuditLog audit)
{
    public const string EndedAction = "session-ended";
    public const string RefusedAction = "session-end-refused";

    /// <summary>The value of a request's "end" that means every session but the current one.</summary>
    public const string AllOthers = "others";

    /// <summary>The user's open sessions and which of them is this request's.</summary>
    public async Task<SessionList> ListAsync(HttpContext context, string userId, bool portal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = await SessionStore.CurrentIdAsync(context);
        return new SessionList(await store.LiveAsync(userId, portal, ct), current);
    }

    /// <summary>
    /// Ends <paramref name="targets"/> (sessions of <paramref name="user"/>, taken from
    /// <see cref="SessionList"/>) once <paramref name="password"/> proves the user is at the keyboard.
    /// <paramref name="user"/> must be the tracked user of this request's registry context: a wrong
    /// password's count and a right one's reset are saved with the audit line.
    /// </summary>
    internal async Task<(EndOutcome Outcome, int Ended)> EndAsync(StaffUser user, IReadOnlyCollection<LiveSession> targets, string password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(targets);
        var check = attempts.Check(user, servedHere: true, password ?? "");
        if (check != SignInCheck.PasswordAccepted)
        {
            var waiting = check == SignInCheck.BackingOff;
            await attempts.SaveFailureAsync(c => audit.WriteAsync(RefusedAction, nameof(SignInSession), targets.Count == 1 ? targets.First().Id.ToString() : null, null,
                waiting ? "the account waits after wrong passwords; nothing ended" : "wrong password; nothing ended", c), ct);
            return (waiting ? EndOutcome.Waiting : EndOutcome.WrongPassword, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ended = 0;
        foreach (var session in targets)
        {
            if (await store.RevokeOwnAsync(user.Id, session.Id, ct) == 0) continue;
            ended++;
            // The device's families only: no address, nothing the client typed (DeviceNames).
            await audit.WriteAsync(EndedAction, nameof(SignInSession), session.Id.ToString(), null,
                JsonSerializer.Serialize(new { by = "its user, after typing their password again", browser = session.Browser, platform = session.Platform, startedAt = session.StartedAt }), ct);
        }
        // The failure count starts again after the right password (Check reset it on the tracked user).
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (EndOutcome.Ended, ended);
    }
}

/// <summary>A user's open sessions, most recently used first, and the one this request came with.</summary>
public sealed record SessionList(IReadOnlyList<LiveSession> Sessions, Guid? CurrentId)
{
    public bool IsCurrent(LiveSession session) => session is not null && session.Id == CurrentId;

    public IReadOnlyList<LiveSession> Others => [.. Sessions.Where(s => s.Id != CurrentId)];

    /// <summary>
    /// What a request's "end" names: one open session of this user, or all but the current one
    /// (<see cref="OwnSessions.AllOthers"/>); null for anything else, another user's session included.
    /// </summary>
    public IReadOnlyList<LiveSession>? Resolve(string? end)
    {
        if (string.Equals(end, OwnSessions.AllOthers, StringComparison.Ordinal)) return Others;
        return Guid.TryParse(end, out var id) && Sessions.FirstOrDefault(s => s.Id == id) is { } one ? [one] : null;
    }
}

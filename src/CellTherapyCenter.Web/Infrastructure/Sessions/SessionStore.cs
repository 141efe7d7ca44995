using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Infrastructure.Sessions;

/// <summary>
/// The server side of every sign-in (<see cref="SignInSession"/>): started when the sign-in cookie is
/// first issued, checked on every request that carries it, revoked on sign-out. The cookie holds
/// the session's id in its authentication properties, which survive the cookie's renewals and the
/// security-stamp check's replacement of the claims.
/// </summary>
public sealed class SessionStore(RegistryDbContext db, TimeProvider clock, IOptions<SessionOptions> options)
{
    /// <summary>The key of the session id in the cookie's authentication properties.</summary>
    internal const string PropertyKey = "ctc.session";

    /// <summary>Last-seen times are written at most this often per session: the idle timeout is counted in minutes.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<SignInSession> Sessions => db.Set<SignInSession>();

    /// <summary>
    /// A new session for a password just accepted, with the browser and system families its
    /// User-Agent names (<see cref="DeviceNames"/>); the user's sessions long past their lifetime are dropped.
    /// </summary>
    internal async Task<Guid> StartAsync(string userId, string? userAgent, CancellationToken ct)
    {
        var now = Now;
        var stale = now - options.Value.Absolute - TimeSpan.FromDays(1);
        await Sessions.Where(s => s.UserId == userId && s.CreatedAt < stale).ExecuteDeleteAsync(ct);
        var session = new SignInSession
        {
            Id = Guid.NewGuid(), UserId = userId, CreatedAt = now, LastSeenAt = now,
            Browser = DeviceNames.Browser(userAgent), Platform = DeviceNames.Platform(userAgent),
        };
        db.Set<SignInSession>().Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>
    /// Whether the session may go on serving this user: not revoked, used within the idle timeout
    /// (portal or staff), and younger than the absolute lifetime. A live session's last-seen time moves on.
    /// </summary>
    internal async Task<bool> CheckAsync(Guid id, string userId, bool portal, CancellationToken ct)
    {
        var session = await Sessions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.UserId, s.CreatedAt, s.LastSeenAt, s.RevokedAt }).FirstOrDefaultAsync(ct);
        if (session is null || session.UserId != userId || session.RevokedAt is not null) return false;
        var now = Now;
        if (now - session.LastSeenAt >= options.Value.Idle(portal) || now - session.CreatedAt >= options.Value.Absolute) return false;
        if (now - session.LastSeenAt >= TouchInterval)
            await Sessions.Where(s => s.Id == id && s.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        return true;
    }

    /// <summary>
    /// The user's sessions that still open pages: not revoked, used within the idle timeout (portal or
    /// staff) and younger than the absolute lifetime, the same tests as <see cref="CheckAsync"/>. Most recently used first.
    /// </summary>
    public async Task<IReadOnlyList<LiveSession>> LiveAsync(string userId, bool portal, CancellationToken ct)
    {
        var now = Now;
        var usedAfter = now - options.Value.Idle(portal);
        var startedAfter = now - options.Value.Absolute;
        return await Sessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.LastSeenAt > usedAfter && s.CreatedAt > startedAfter)
            .OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.CreatedAt)
            .Select(s => new LiveSession(s.Id, s.CreatedAt, s.LastSeenAt, s.Browser, s.Platform))
            .ToListAsync(ct);
    }

    /// <summary>Ends one session of the user; 0 when the id is not a session of theirs still open.</summary>
    public Task<int> RevokeOwnAsync(string userId, Guid id, CancellationToken ct)
    {
        var now = Now;
        return Sessions.Where(s => s.Id == id && s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
    }

    /// <summary>Whether a session exists for the user and is not revoked (a renewal of the cookie keeps such a session).</summary>
    internal Task<bool> IsOpenAsync(Guid id, string userId, CancellationToken ct) =>
        Sessions.AnyAsync(s => s.Id == id && s.UserId == userId && s.RevokedAt == null, ct);

    /// <summary>The session of the current request's sign-in cookie, if it has one.</summary>
    public static async Task<Guid?> CurrentIdAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The authentication middleware's result for this request, when it has one: no second check of the row.
        if (context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult is { Succeeded: true } done && Id(done.Properties) is { } known)
            return known;
        var result = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return Id(result.Properties);
    }

    internal static Guid? Id(AuthenticationProperties? properties) =>
        properties?.Items.TryGetValue(PropertyKey, out var value) == true && Guid.TryParse(value, out var id) ? id : null;

    /// <summary>Ends the session of the current request (sign-out); the cookie, wherever a copy of it is, opens nothing more.</summary>
    public async Task RevokeCurrentAsync(HttpContext context, CancellationToken ct)
    {
        if (await CurrentIdAsync(context) is { } id) await RevokeAsync(id, ct);
    }

    public Task<int> RevokeAsync(Guid id, CancellationToken ct)
    {
        var now = Now;
        return Sessions.Where(s => s.Id == id && s.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
    }

    /// <summary>Ends every session of the user (after a password change or reset, or when an administrator locks them out).</summary>
    public Task<int> RevokeAllAsync(string userId, CancellationToken ct = default)
    {
        var now = Now;
        return Sessions.Where(s => s.UserId == userId && s.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
    }

    /// <summary>Ends every session of the user but one (the one that just changed the password).</summary>
    public Task<int> RevokeAllExceptAsync(string userId, Guid keep, CancellationToken ct = default)
    {
        var now = Now;
        return Sessions.Where(s => s.UserId == userId && s.Id != keep && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
    }
}

/// <summary>One of a user's open sessions, as their list of sessions shows it.</summary>
public sealed record LiveSession(Guid Id, DateTime StartedAt, DateTime LastSeenAt, string? Browser, string? Platform);

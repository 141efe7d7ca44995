using System.Security.Cryptography;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Infrastructure.Sessions;

/// <summary>What a password check found; a page shows the same message for all but <see cref="PasswordAccepted"/>.</summary>
internal enum SignInCheck
{
    /// <summary>Unknown address, an account this page does not serve, or a wrong password.</summary>
    Refused,
    /// <summary>The account is waiting after repeated wrong passwords; the password was not looked at.</summary>
    BackingOff,
    /// <summary>The account may sign in here and the password is right.</summary>
    PasswordAccepted,
}

/// <summary>
/// The password check of both sign-in pages, done so that an answer says nothing about whether an
/// address has an account. Every attempt hashes once with the same hasher and cost (a dummy hash for
/// unknown addresses, for accounts the page does not serve and for accounts waiting out a back-off),
/// and every failure is saved in one commit with its audit line, so known and unknown addresses take
/// the same time, with the same round trips to the database. Wrong passwords are counted per account; after the free ones each makes the account
/// wait 1, 2, 4 ... minutes up to a cap, so guessing is slowed, nobody can lock a colleague out for
/// longer than the cap, and the right password after the wait works. Nothing is stored for an address
/// without an account (the per-address rate limit covers those).
/// </summary>
public sealed class SignInAttempts(RegistryDbContext db, IPasswordHasher<StaffUser> hasher, TimeProvider clock, IOptions<SessionOptions> options)
{
    private static readonly StaffUser DummyUser = new() { Id = "dummy", UserName = "dummy" };
    private static string? s_dummyHash;

    private string DummyHash() =>
        s_dummyHash ??= hasher.HashPassword(DummyUser, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    /// <summary>Whether the user holds one of the roles: one query whether or not the address has an account.</summary>
    public Task<bool> HasRoleAsync(StaffUser? user, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var userId = user?.Id ?? "";
        var names = roles.ToArray();
        return db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .AnyAsync(name => names.Contains(name!), ct);
    }

    /// <summary>
    /// Saves a refused attempt: the audit line <paramref name="writeAuditLine"/> writes and the failure
    /// count <see cref="Check"/> kept on a known account, in one transaction, so every refusal costs the
    /// same round trips and one commit.
    /// </summary>
    public async Task SaveFailureAsync(Func<CancellationToken, Task> writeAuditLine, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writeAuditLine);
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await writeAuditLine(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    /// <summary>
    /// Checks the password. A wrong password of an account this page serves is counted on the
    /// (tracked) <paramref name="user"/>, unsaved: <see cref="SaveFailureAsync"/> saves it with the audit line.
    /// </summary>
    internal SignInCheck Check(StaffUser? user, bool servedHere, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var hash = user?.PasswordHash;
        var verified = hasher.VerifyHashedPassword(user ?? DummyUser, hash ?? DummyHash(), password) != PasswordVerificationResult.Failed;
        if (user is null || !servedHere) return SignInCheck.Refused;

        var now = clock.GetUtcNow();
        if (user.LockoutEnabled && user.LockoutEnd > now) return SignInCheck.BackingOff;
        if (verified && hash is not null)
        {
            // The count starts again (saved with the caller's next save, its audit line).
            user.AccessFailedCount = 0;
            user.LockoutEnd = null;
            return SignInCheck.PasswordAccepted;
        }

        user.AccessFailedCount++;
        var over = user.AccessFailedCount - options.Value.FreeSignInAttempts;
        if (over >= 0 && user.LockoutEnabled) user.LockoutEnd = now + options.Value.BackOff(over);
        return SignInCheck.Refused;
    }
}

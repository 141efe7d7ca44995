using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Data.Identity;

/// <summary>
/// Identity's EF user store, except that two-factor recovery codes are kept as salted SHA-256
/// hashes (ASVS 4.0.3 V2.6.2), never in clear. Identity's own store joins the codes with ";" into
/// one row of AspNetUserTokens in clear; this one keeps, in the same row, <c>sha256:</c> followed by
/// <c>salt.hash</c> pairs (base64) joined with ";".
/// </summary>
/// <remarks>
/// Why a fast hash is enough: the codes are made by Identity from a cryptographic random generator,
/// 10 characters out of 26, about 47 bits each. V2.6.2 asks of a look-up secret under 112 bits that it
/// be "salted with a unique and random 32-bit salt and hashed with an approved one-way hash": each
/// code gets its own 128-bit salt and SHA-256, and the comparison is constant-time
/// (<see cref="CryptographicOperations.FixedTimeEquals"/>) over every stored code, so neither the
/// time nor the order tells which code matched. A slow password hash would cost ten hashes per try
/// and add nothing the sign-in back-off and rate limit do not already give against online guessing.
/// Codes stored in clear by an earlier version are hashed at start-up
/// (<see cref="HashClearRecoveryCodesAsync"/>) and, should one be met later, still redeem once.
/// </remarks>
public sealed class StaffUserStore(RegistryDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole, RegistryDbContext>(context, describer)
{
    /// <summary>Identity's own names for the row that holds the codes (UserStoreBase keeps them private).</summary>
    public const string RecoveryCodesProvider = "[AspNetUserStore]";
    public const string RecoveryCodesName = "RecoveryCodes";
    private const string Prefix = "sha256:";
    private const int SaltBytes = 16;

    public override Task ReplaceCodesAsync(StaffUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        return SetTokenAsync(user, RecoveryCodesProvider, RecoveryCodesName, Store(recoveryCodes.Select(Hash)), cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(StaffUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(code);
        var stored = Read(await GetTokenAsync(user, RecoveryCodesProvider, RecoveryCodesName, cancellationToken));
        var matched = -1;
        for (var i = 0; i < stored.Count; i++)
        {
            // Every code is compared, each in constant time: no early exit.
            if (Matches(stored[i], code) && matched < 0) matched = i;
        }
        if (matched < 0) return false;
        stored.RemoveAt(matched);
        await SetTokenAsync(user, RecoveryCodesProvider, RecoveryCodesName, Store(stored), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(StaffUser user, CancellationToken cancellationToken) =>
        Read(await GetTokenAsync(user, RecoveryCodesProvider, RecoveryCodesName, cancellationToken)).Count;

    /// <summary>
    /// Hashes every set of recovery codes an earlier version stored in clear; the codes keep working,
    /// once each. Returns how many accounts' codes were hashed. Run at start-up.
    /// </summary>
    public static async Task<int> HashClearRecoveryCodesAsync(RegistryDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var clear = await db.UserTokens
            .Where(t => t.LoginProvider == RecoveryCodesProvider && t.Name == RecoveryCodesName && t.Value != null && t.Value != "" && !t.Value.StartsWith(Prefix))
            .ToListAsync(ct);
        foreach (var token in clear) token.Value = Store(Read(token.Value));
        if (clear.Count > 0) await db.SaveChangesAsync(ct);
        return clear.Count;
    }

    /// <summary>The stored codes as (salt, hash) pairs; codes stored in clear by an earlier version are hashed on reading.</summary>
    private static List<(byte[] Salt, byte[] Hash)> Read(string? value)
    {
        if (string.IsNullOrEmpty(value)) return [];
        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
            return [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Hash)];
        return [.. value[Prefix.Length..].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var dot = pair.IndexOf('.', StringComparison.Ordinal);
            return (Convert.FromBase64String(pair[..dot]), Convert.FromBase64String(pair[(dot + 1)..]));
        })];
    }

    private static string? Store(IEnumerable<(byte[] Salt, byte[] Hash)> codes)
    {
        var pairs = codes.Select(c => Convert.ToBase64String(c.Salt) + "." + Convert.ToBase64String(c.Hash)).ToList();
        return pairs.Count == 0 ? Prefix : Prefix + string.Join(';', pairs);
    }

    private static (byte[] Salt, byte[] Hash) Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return (salt, Digest(salt, code));
    }

    private static bool Matches((byte[] Salt, byte[] Hash) stored, string code) =>
        CryptographicOperations.FixedTimeEquals(stored.Hash, Digest(stored.Salt, code));

    private static byte[] Digest(byte[] salt, string code)
    {
        var bytes = Encoding.UTF8.GetBytes(code);
        var input = new byte[salt.Length + bytes.Length];
        salt.CopyTo(input, 0);
        bytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }
}

using System.Security.Cryptography;
using System.Text;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Inquiries;

/// <summary>
/// Documents attached to a request form that came back for a correction, so the sender does not
/// choose them again. They are held in the database (beside the requests' documents, which live
/// there too: one store to back up, erase and move between SQLite and PostgreSQL, removed in the
/// same transaction that stores the request) under a token of 256 random bits that only the form
/// carries; the database keeps its SHA-256 alone. Each post to the form first deletes what has
/// passed its <see cref="HeldInquiryDocument.HeldUntil"/>.
/// </summary>
public static class HeldDocuments
{
    public sealed record Row(Guid Id, string Name, long SizeBytes);

    /// <summary>64 lowercase hexadecimal digits from the system's random generator: not guessable, tied to no one.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored hash of a token as the form sent it; null when it is not one this site makes.</summary>
    public static string? HashOf(string? token) =>
        token is { Length: 64 } && token.All(char.IsAsciiHexDigitLower)
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)))
            : null;

    /// <summary>Deletes every held document whose time has passed, whoever held it.</summary>
    public static Task<int> SweepAsync(RegistryDbContext db, DateTime now, CancellationToken ct) =>
        db.Set<HeldInquiryDocument>().Where(d => d.HeldUntil <= now).ExecuteDeleteAsync(ct);

    /// <summary>What a token holds, oldest first, without the content.</summary>
    public static async Task<List<Row>> ListAsync(RegistryDbContext db, string? tokenHash, CancellationToken ct) =>
        tokenHash is null ? [] : await db.Set<HeldInquiryDocument>().AsNoTracking().Where(d => d.TokenHash == tokenHash)
            .OrderBy(d => d.HeldAt).ThenBy(d => d.Id).Select(d => new Row(d.Id, d.OriginalName, d.SizeBytes)).ToListAsync(ct);

    /// <summary>Removes one document from what a token holds; a document of another token is left alone.</summary>
    public static Task<int> RemoveAsync(RegistryDbContext db, string? tokenHash, Guid id, CancellationToken ct) =>
        tokenHash is null ? Task.FromResult(0) : db.Set<HeldInquiryDocument>().Where(d => d.TokenHash == tokenHash && d.Id == id).ExecuteDeleteAsync(ct);
}

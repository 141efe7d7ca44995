using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Email;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Infrastructure.Email;

/// <summary>
/// What the outbox keeps, and for how long. A message carrying a secret (the portal invitation's
/// link) is queued with its body encrypted by ASP.NET Core data protection, so the database never
/// holds the secret in clear; the dispatcher decrypts it just before sending and empties the body
/// once it is sent. Every other message's addresses, subject and bodies are emptied a retention
/// period after it was sent or given up (<see cref="ClearOldAsync"/>, run by the privacy pass);
/// the row stays, with its kind and times, as the record that a message went out.
/// </summary>
public static class OutboxPrivacy
{
    private const string Marker = "ctc-protected:v1:";
    private const string Purpose = "CellTherapyCenter.Email.ProtectedBody";

    /// <summary>The body as stored for a message that carries a secret.</summary>
    public static string Protect(IDataProtectionProvider protection, string body) =>
        Marker + protection.CreateProtector(Purpose).Protect(body);

    public static bool IsProtected(string body) => body.StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>The body to send: decrypted when it was stored protected, else as stored.</summary>
    public static string Reveal(IServiceProvider services, string body) => IsProtected(body)
        ? services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(body[Marker.Length..])
        : body;

    /// <summary>
    /// Empties the recipient, subject and bodies of messages sent or given up before
    /// <paramref name="before"/>; returns how many were cleared. Cleared rows have an empty address.
    /// </summary>
    public static Task<int> ClearOldAsync(RegistryDbContext db, DateTime before, CancellationToken ct) =>
        db.OutboundEmails
            .Where(e => e.ToAddress != "" && ((e.SentAt != null && e.SentAt < before) || (e.FailedAt != null && e.FailedAt < before)))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ToAddress, "").SetProperty(e => e.ToName, (string?)null)
                .SetProperty(e => e.Subject, "").SetProperty(e => e.TextBody, "").SetProperty(e => e.HtmlBody, (string?)null), ct);

    /// <summary>Cancels and empties every message not yet sent to <paramref name="address"/> (erasure and restriction).</summary>
    public static Task<int> CancelAndClearToAsync(RegistryDbContext db, string address, DateTime now, CancellationToken ct)
    {
#pragma warning disable CA1304, CA1311, CA1862 // ToUpper() here is SQL upper(), not .NET's
        var normalized = address.Trim().ToUpperInvariant();
        return db.OutboundEmails.Where(e => e.ToAddress.ToUpper() == normalized)
#pragma warning restore CA1304, CA1311, CA1862
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ToAddress, "").SetProperty(e => e.ToName, (string?)null)
                .SetProperty(e => e.Subject, "").SetProperty(e => e.TextBody, "").SetProperty(e => e.HtmlBody, (string?)null)
                .SetProperty(e => e.FailedAt, e => e.SentAt == null && e.FailedAt == null ? now : e.FailedAt)
                .SetProperty(e => e.LastError, e => e.SentAt == null && e.FailedAt == null ? "cancelled: processing restricted" : e.LastError), ct);
    }
}

using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Privacy;

/// <summary>
/// Deletes requests from the public form with their documents and notes: on request (staff, after a
/// confirmation) or when the retention period has passed (<see cref="RetentionPass"/>). A request
/// that became a patient is part of that patient's record and is handled by the patient's erasure
/// instead. Each deletion is audited with the request's id, why, and how many documents and notes
/// went, never their content, in the same transaction as the deletion.
/// </summary>
public static class InquiryDeletion
{
    public const string OnRequest = "on request";
    public const string Retention = "retention period passed";

    /// <summary>Deletes the request if it exists and never became a patient; false otherwise.</summary>
    public static async Task<bool> DeleteAsync(RegistryDbContext db, Guid id, string reason, string? userName, string? userId,
        string? remoteAddress, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var found = await db.Inquiries.Where(i => i.Id == id && i.PatientId == null)
            .Select(i => new { Documents = i.Documents.Count, Notes = i.Notes.Count }).FirstOrDefaultAsync(ct);
        if (found is null) return false;
        await db.InquiryDocuments.Where(d => d.InquiryId == id).ExecuteDeleteAsync(ct);
        await db.InquiryNotes.Where(n => n.InquiryId == id).ExecuteDeleteAsync(ct);
        if (await db.Inquiries.Where(i => i.Id == id && i.PatientId == null).ExecuteDeleteAsync(ct) != 1) return false;
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, UserName = userName, UserId = userId, RemoteAddress = remoteAddress, Action = AuditActions.Delete,
            EntityType = nameof(Inquiry), EntityId = id.ToString(),
            Detail = JsonSerializer.Serialize(new { reason, documents = found.Documents, notes = found.Notes }),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>The requests not registered as patients whose last change is older than <paramref name="before"/>.</summary>
    public static Task<List<Guid>> ExpiredAsync(RegistryDbContext db, DateTime before, int max, CancellationToken ct) =>
        db.Inquiries.Where(i => i.PatientId == null && (i.UpdatedAt ?? i.SubmittedAt) < before)
            .OrderBy(i => i.SubmittedAt).Select(i => i.Id).Take(max).ToListAsync(ct);
}

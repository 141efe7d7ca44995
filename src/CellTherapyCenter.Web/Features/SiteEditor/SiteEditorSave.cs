using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.SiteEditor;

/// <summary>
/// How every editor page saves: stamp who and when, check the concurrency stamp the form was
/// loaded with, write an audit line, and evict the public pages from the output cache so the
/// change shows at once.
/// </summary>
public sealed class SiteEditorSave(RegistryDbContext db, AuditLog audit, IOutputCacheStore cache, TimeProvider clock)
{
    /// <summary>Saves; false when someone else saved the record first (nothing is overwritten).</summary>
    public async Task<bool> SaveAsync(SiteContentRecord record, Guid loadedStamp, string action, string? userName, Guid? patientId, CancellationToken ct)
    {
        var entry = db.Entry(record);
        if (entry.State != EntityState.Added) entry.Property(r => r.ConcurrencyStamp).OriginalValue = loadedStamp;
        record.ConcurrencyStamp = Guid.NewGuid();
        record.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        record.UpdatedBy = userName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        await audit.WriteAsync(action, record.GetType().Name, record.Id.ToString(), patientId, null, ct);
        await cache.EvictByTagAsync(PublicSiteCache.Tag, ct);
        return true;
    }

    public async Task DeleteAsync(SiteContentRecord record, CancellationToken ct)
    {
        db.Remove(record);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.Delete, record.GetType().Name, record.Id.ToString(), null, null, ct);
        await cache.EvictByTagAsync(PublicSiteCache.Tag, ct);
    }
}

using CellTherapyCenter.Data;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Web.Features.FollowUp;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Portal.Records;

/// <summary>The patient's next planned visits as the portal shows them (home and progress pages).</summary>
public static class Appointments
{
    public const int Shown = 3;

    public static Task<List<FollowUpItem>> NextAsync(RegistryDbContext db, Guid patientId, DateOnly today, CancellationToken ct) =>
        db.FollowUpItems.AsNoTracking()
            .Where(i => i.PatientId == patientId && i.Kind == FollowUpKind.Visit && i.Status == FollowUpStatus.Open
                        && i.VoidedAt == null && i.WindowEnd >= today)
            .OrderBy(i => i.TargetDate).Take(Shown).ToListAsync(ct);
}

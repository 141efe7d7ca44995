using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Portal;

/// <summary>
/// A patient's own language choice in the portal is also the registry's preferred language, which
/// reminders and staff read. A caregiver's choice is theirs alone.
/// </summary>
public static class PortalLanguage
{
    /// <summary>Tracks the change on the patient (saved with the caller's SaveChanges).</summary>
    public static async Task SyncPatientAsync(RegistryDbContext db, PortalAccount account, SiteLanguage language, CancellationToken ct)
    {
        if (account.Role != PortalRole.Patient) return;
        var patient = await db.Patients.SingleAsync(p => p.Id == account.PatientId, ct);
        // The registry stores the primary tag ("sr"), as staff enter it.
        var tag = language.Culture.Split('-')[0];
        if (patient.PreferredLanguage != tag) patient.PreferredLanguage = tag;
    }
}

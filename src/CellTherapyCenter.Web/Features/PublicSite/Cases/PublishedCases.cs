using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Features.PublicSite.Content;

namespace CellTherapyCenter.Web.Features.PublicSite.Cases;

/// <summary>
/// The only way the public site reaches patient cases: published, on a patient record that is not
/// voided, and with the patient's consent to publication in force, checked in the same query on
/// every read, so a withdrawn consent hides the case at the next request (and the next cache fill).
/// </summary>
public static class PublishedCases
{
    public static IQueryable<PatientCase> Visible(RegistryDbContext db) =>
        db.PatientCases.Where(c => c.Published
            && db.Patients.Any(p => p.Id == c.PatientId && p.VoidedAt == null)
            && !db.ErasureRequests.Any(r => r.PatientId == c.PatientId && r.VoidedAt == null) // processing restricted
            && db.Consents.Any(k => k.PatientId == c.PatientId && k.Kind == ConsentKind.CasePublication
                                    && k.WithdrawnAt == null && k.VoidedAt == null));
}

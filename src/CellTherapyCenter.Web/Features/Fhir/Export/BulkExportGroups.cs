using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Patients;

namespace CellTherapyCenter.Web.Features.Fhir.Export;

/// <summary>
/// The groups <c>GET /fhir/Group/{id}/$export</c> knows, as a table: each names the registry's
/// patients it holds at the export's transaction time. Every patient set already leaves out voided
/// patients and those whose erasure request restricts processing. An imported cohort is one more row.
/// </summary>
public static class BulkExportGroups
{
    public sealed record Group(string Id, string Description, Func<RegistryDbContext, DateTime, IQueryable<Patient>> Members);

    public static IReadOnlyList<Group> All { get; } =
    [
        new("all", "Every patient of the registry", Exportable),
        new("treated", "Patients with at least one treatment course", (db, at) => Exportable(db, at)
            .Where(p => db.TreatmentCourses.Any(c => c.PatientId == p.Id && c.VoidedAt == null && c.CreatedAt <= at))),
    ];

    public static Group? Find(string id) => All.FirstOrDefault(g => g.Id == id);

    /// <summary>The patients an export (system or Patient level) holds: recorded by the transaction time, not voided, not restricted.</summary>
    public static IQueryable<Patient> Exportable(RegistryDbContext db, DateTime at) =>
        db.Patients.Where(p => p.VoidedAt == null && p.CreatedAt <= at
            && !db.ErasureRequests.Any(e => e.PatientId == p.Id && e.VoidedAt == null));

    public static IQueryable<Patient> Members(RegistryDbContext db, string? groupId, DateTime at) =>
        groupId is null ? Exportable(db, at)
            : (Find(groupId) ?? throw new InvalidOperationException($"No export group '{groupId}'.")).Members(db, at);
}

using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Visits;

/// <summary>
/// One finding of a visit (a symptom, examination or reported-change row), voided on its own with a
/// reason: checked against the stamp of the row the page showed, audited as that row's void, and
/// making any visit form opened before it stale (the visit's stamp moves with its rows), so an older
/// form cannot bring the finding back unseen. Values are corrected in the visit form itself.
/// </summary>
[Authorize(Policy = StaffPolicies.EditRegistry)]
[ReadsPatientData(nameof(Visit), "visit finding")]
public sealed class VisitFindingModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock) : RecordFormModel<RegistryRecord>(db, clock)
{
    [BindProperty] public Guid ConcurrencyStamp { get; set; }
    public Visit Visit { get; private set; } = null!;
    public VisitFindings.Finding Finding { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid visitId, Guid findingId, CancellationToken ct)
    {
        if (await LoadAsync(id, visitId, findingId, track: false, ct) is { } missing) return missing;
        ConcurrencyStamp = Stored!.ConcurrencyStamp;
        audit.Read(id, Stored.Id.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostVoidAsync(Guid id, Guid visitId, Guid findingId, CancellationToken ct)
    {
        if (await LoadAsync(id, visitId, findingId, track: true, ct) is { } missing) return missing;
        if (Stored!.IsVoided || Visit.IsVoided) return RedirectToPage("/Visits/VisitForm", new { id, visitId });
        if (Void(ConcurrencyStamp, stored => ConcurrencyStamp = stored.ConcurrencyStamp) is { } notVoided) return notVoided;
        var voided = $"{Finding.Kind} \"{Finding.Item}\" voided.";
        return await SaveAsync(async () => { await Db.SaveChangesAsync(ct); SavedBanner.Show(TempData, voided); },
            RedirectToPage("/Visits/VisitForm", new { id, visitId }), async () =>
            {
                await LoadAsync(id, visitId, findingId, track: false, ct);
                ConcurrencyStamp = Stored!.ConcurrencyStamp;
            });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid visitId, Guid findingId, bool track, CancellationToken ct)
    {
        if (await LoadPatientAsync(id, ct) is { } missing) return missing;
        // The visit is tracked with the row, so that voiding the row also moves the visit's stamp.
        var visits = track ? Db.Visits : Db.Visits.AsNoTracking();
        var visit = await visits.FirstOrDefaultAsync(v => v.Id == visitId && v.PatientId == id, ct);
        if (visit is null) return NotFound();
        Visit = visit;
        Stored = await FindAsync(Db.SymptomObservations, visitId, findingId, track, ct)
            ?? await FindAsync(Db.ExaminationFindings, visitId, findingId, track, ct)
            ?? (RegistryRecord?)await FindAsync(Db.PatientReportedChanges, visitId, findingId, track, ct);
        if (Stored is null) return NotFound();
        Finding = VisitFindings.Describe(Stored);
        return null;
    }

    private static async Task<RegistryRecord?> FindAsync<TRow>(IQueryable<TRow> rows, Guid visitId, Guid findingId, bool track, CancellationToken ct)
        where TRow : RegistryRecord, IVisitPart =>
        await (track ? rows : rows.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == findingId && r.VisitId == visitId, ct);
}

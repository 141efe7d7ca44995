using System.Linq.Expressions;
using CellTherapyCenter.Clinical.Text;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Features.Patients.Summary;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// The skeleton every record form shares (docs/architecture.md, "Forms by convention"): the
/// patient, the record at <c>.../{recordId}</c> where the id is "new" or stored, a stamp-checked
/// save that shows the other user's version on a conflict, and a void that requires a reason.
/// </summary>
public abstract class RecordFormModel<TRecord>(RegistryDbContext db, TimeProvider clock) : PageModel, IShowsOnePatient where TRecord : RegistryRecord
{
    PatientIdentityView? IShowsOnePatient.ShownPatient => Patient;
    /// <summary>The route value that asks for a blank form rather than a stored record.</summary>
    public const string NewRecordId = "new";

    private bool _voiding;

    protected RegistryDbContext Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;

    [TextLimit(FieldLengths.Reason)]
    [BindProperty] public string? VoidReason { get; set; }
    public PatientIdentityView Patient { get; private set; } = null!;
    public TRecord? Stored { get; protected set; }
    public string? Conflict { get; private set; }

    protected DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Null when the patient exists (then <see cref="Patient"/> is set), otherwise 404.</summary>
    protected async Task<IActionResult?> LoadPatientAsync(Guid id, CancellationToken ct)
    {
        var patient = await Db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null) return NotFound();
        Patient = PatientIdentityView.For(User, patient);
        return null;
    }

    /// <summary>
    /// Null for "new" (no <see cref="Stored"/>) or a stored record of this patient; 404 for an id
    /// that is not a Guid or names no record of theirs.
    /// </summary>
    protected async Task<IActionResult?> LoadRecordAsync(string recordId, IQueryable<TRecord> records, bool track,
        Func<Guid, Expression<Func<TRecord, bool>>> match, CancellationToken ct)
    {
        if (recordId == NewRecordId) return null;
        if (!Guid.TryParse(recordId, out var id)) return NotFound();
        Stored = await (track ? records : records.AsNoTracking()).FirstOrDefaultAsync(match(id), ct);
        return Stored is null ? NotFound() : null;
    }

    /// <summary>
    /// Saves, then goes to <paramref name="next"/>. When someone saved the record first, nothing is
    /// overwritten: the tracker is emptied, <paramref name="showTheirs"/> reloads their version into
    /// the form and the form says why.
    /// </summary>
    protected async Task<IActionResult> SaveAsync(Func<Task> save, IActionResult next, Func<Task> showTheirs)
    {
        var record = Stored ?? Db.ChangeTracker.Entries<TRecord>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).FirstOrDefault();
        try
        {
            await save();
            // A form that said something more precise ("Transplantation of 2025-02-04 voided.") keeps it.
            if (record is not null && !TempData.ContainsKey(SavedBanner.Key)) SavedBanner.Show(TempData, $"{(_voiding ? "Voided" : "Saved")}: {RecordTitle}{SavedDetail(record)}.");
            return next;
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            await showTheirs();
            ModelState.Clear();
            Conflict = FormConventions.ConcurrencyConflict;
            return Page();
        }
    }

    /// <summary>What the confirmation after a save calls this kind of record ("Treatment course", "Visit").</summary>
    protected virtual string RecordTitle => EnumText.Words(typeof(TRecord).Name.EndsWith("Record", StringComparison.Ordinal) ? typeof(TRecord).Name[..^"Record".Length] : typeof(TRecord).Name);

    /// <summary>What the confirmation adds after <see cref="RecordTitle"/>, e.g. " of 2025-05-02, total 37/48".</summary>
    protected virtual string SavedDetail(TRecord record) => "";

    /// <summary>Where a saved or voided record goes next by default: its patient's chart.</summary>
    protected RedirectToPageResult ToChart(Guid patientId) => RedirectToPage("/Patients/Chart", new { id = patientId });

    /// <summary>
    /// Voids <see cref="Stored"/> with the posted reason, checked against the stamp the form was
    /// loaded with; null when voided (the caller saves), else 404 for "new" or the form again
    /// (<paramref name="showStored"/>) asking for a reason.
    /// </summary>
    protected IActionResult? Void(Guid postedStamp, Action<TRecord> showStored)
    {
        if (Stored is null) return NotFound();
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(VoidReason))
        {
            showStored(Stored);
            ModelState.AddModelError(nameof(VoidReason), FormConventions.VoidReasonRequired);
            return Page();
        }
        if (VoidReason.Length > FieldLengths.Reason)
        {
            showStored(Stored);
            ModelState.AddModelError(nameof(VoidReason), new TextLimitAttribute(FieldLengths.Reason).FormatErrorMessage(nameof(VoidReason)));
            return Page();
        }
        Db.Entry(Stored).Property(r => r.ConcurrencyStamp).OriginalValue = postedStamp;
        Stored.Void(VoidReason, User.Identity?.Name, Clock.GetUtcNow().UtcDateTime);
        _voiding = true;
        return null;
    }
}

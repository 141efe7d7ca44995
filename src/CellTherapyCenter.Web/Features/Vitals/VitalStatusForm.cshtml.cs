using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VitalStatusRecord = CellTherapyCenter.Data.Vitals.VitalStatus;

namespace CellTherapyCenter.Web.Features.Vitals;

/// <summary>Vital status and the milestones survival analyses read: death, gastrostomy, ventilation, tracheostomy.</summary>
[Authorize(Policy = StaffPolicies.EditRegistry)]
[ReadsPatientData(nameof(VitalStatusRecord))]
public sealed class VitalStatusFormModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock) : RecordFormModel<VitalStatusRecord>(db, clock)
{
    public sealed class VitalStatusInput
    {
        public bool IsAlive { get; set; } = true;
        public DateOnly? DateOfDeath { get; set; }
        [TextLimit(FieldLengths.Reason)]
        public string? CauseOfDeath { get; set; }
        public DateOnly? LastKnownAliveOn { get; set; }
        public DateOnly? GastrostomyDate { get; set; }
        public DateOnly? PermanentVentilationDate { get; set; }
        public DateOnly? TracheostomyDate { get; set; }
        public Guid ConcurrencyStamp { get; set; }
    }

    [BindProperty] public VitalStatusInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadPatientAsync(id, ct) is { } missing) return missing;
        if (await Db.VitalStatuses.AsNoTracking().FirstOrDefaultAsync(v => v.PatientId == id, ct) is { } stored)
        {
            Input = From(stored);
            audit.Read(id, stored.Id.ToString());
        }
        else audit.NothingRead();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadPatientAsync(id, ct) is { } missing) return missing;
        Validate();
        if (!ModelState.IsValid) return Page();

        var status = await Db.VitalStatuses.FirstOrDefaultAsync(v => v.PatientId == id, ct);
        if (status is null) Db.VitalStatuses.Add(status = new VitalStatusRecord { PatientId = id });
        else Db.Entry(status).Property(v => v.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        status.IsAlive = Input.IsAlive;
        status.DateOfDeath = Input.IsAlive ? null : Input.DateOfDeath;
        status.CauseOfDeath = Input.IsAlive ? null : Input.CauseOfDeath?.Trim();
        status.LastKnownAliveOn = Input.IsAlive ? Input.LastKnownAliveOn : Input.DateOfDeath;
        status.GastrostomyDate = Input.GastrostomyDate;
        status.PermanentVentilationDate = Input.PermanentVentilationDate;
        status.TracheostomyDate = Input.TracheostomyDate;
        return await SaveAsync(() => Db.SaveWithSummaryAsync(id, ct), ToChart(id),
            async () => Input = From(await Db.VitalStatuses.AsNoTracking().SingleAsync(v => v.PatientId == id, ct)));
    }

    private void Validate()
    {
        var today = Today;
        if (!Input.IsAlive && Input.DateOfDeath is null)
            ModelState.AddFieldError(() => Input.DateOfDeath, "Enter the date of death.");
        if (Input.IsAlive && (Input.DateOfDeath is not null || !string.IsNullOrWhiteSpace(Input.CauseOfDeath)))
            ModelState.AddFieldError(() => Input.DateOfDeath, "A date or cause of death can only be recorded when the patient is not alive.");
        void Date(string field, DateOnly? value)
        {
            if (value is not { } d) return;
            if (d > today) ModelState.AddModelError($"Input.{field}", "The date cannot be in the future.");
            else if (d < Patient.DateOfBirthForValidation) ModelState.AddModelError($"Input.{field}", "The date cannot be before the patient's birth.");
            else if (!Input.IsAlive && Input.DateOfDeath is { } death && d > death && field != nameof(Input.DateOfDeath))
                ModelState.AddModelError($"Input.{field}", "The date cannot be after the date of death.");
        }
        Date(nameof(Input.DateOfDeath), Input.DateOfDeath);
        Date(nameof(Input.LastKnownAliveOn), Input.LastKnownAliveOn);
        Date(nameof(Input.GastrostomyDate), Input.GastrostomyDate);
        Date(nameof(Input.PermanentVentilationDate), Input.PermanentVentilationDate);
        Date(nameof(Input.TracheostomyDate), Input.TracheostomyDate);
    }

    private static VitalStatusInput From(VitalStatusRecord v) => new()
    {
        IsAlive = v.IsAlive, DateOfDeath = v.DateOfDeath, CauseOfDeath = v.CauseOfDeath, LastKnownAliveOn = v.LastKnownAliveOn,
        GastrostomyDate = v.GastrostomyDate, PermanentVentilationDate = v.PermanentVentilationDate, TracheostomyDate = v.TracheostomyDate,
        ConcurrencyStamp = v.ConcurrencyStamp,
    };
}

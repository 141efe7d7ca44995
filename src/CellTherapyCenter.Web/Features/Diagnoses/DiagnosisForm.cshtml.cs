using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DiagnosisRecord = CellTherapyCenter.Data.Diagnoses.Diagnosis;

namespace CellTherapyCenter.Web.Features.Diagnoses;

/// <summary>The patient's single diagnosis record: onset, regions, diagnostic criteria, genetics, ALS drugs.</summary>
[Authorize(Policy = StaffPolicies.EditClinical)]
[ReadsPatientData(nameof(DiagnosisRecord))]
public sealed class DiagnosisFormModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock) : RecordFormModel<DiagnosisRecord>(db, clock)
{
    public sealed class DiagnosisInput
    {
        public DateOnly? OnsetDate { get; set; }
        public OnsetSite? OnsetSite { get; set; }
        public List<BodyRegions> AffectedRegions { get; set; } = [];
        public DateOnly? DiagnosisDate { get; set; }
        public ElEscorialCategory? ElEscorial { get; set; }
        public bool? GoldCoastMet { get; set; }
        public bool? FrontotemporalDementia { get; set; }
        public GeneticResult C9orf72 { get; set; }
        public GeneticResult Sod1 { get; set; }
        [TextLimit(FieldLengths.Reason)]
        public string? OtherGenetics { get; set; }
        public bool TakesRiluzole { get; set; }
        public bool TakesEdaravone { get; set; }
        public bool TakesTofersen { get; set; }
        [TextLimit(FieldLengths.Reason)]
        public string? OtherAlsDrugs { get; set; }
        public Guid ConcurrencyStamp { get; set; }
        /// <summary>The form status chosen; null lets the save decide (<see cref="EffectiveStatus"/>).</summary>
        public FormStatus? Status { get; set; }

        /// <summary>What a complete diagnosis would still need for the analyses (diagnostic delay, onset-site strata, criteria).</summary>
        public IReadOnlyList<string> MissingParts()
        {
            var missing = new List<string>();
            if (OnsetDate is null) missing.Add("the date of symptom onset");
            if (OnsetSite is null) missing.Add("the site of onset");
            if (DiagnosisDate is null) missing.Add("the date of diagnosis");
            if (ElEscorial is null) missing.Add("the El Escorial category");
            return missing;
        }

        /// <summary>The status chosen, or by default incomplete while parts are missing and unverified otherwise.</summary>
        public FormStatus EffectiveStatus => FormStatusRule.Effective(Status, MissingParts());
    }

    [BindProperty] public DiagnosisInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadPatientAsync(id, ct) is { } missing) return missing;
        if (await Db.Diagnoses.AsNoTracking().FirstOrDefaultAsync(d => d.PatientId == id, ct) is { } stored)
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
        foreach (var (field, date) in new[] { ("OnsetDate", Input.OnsetDate), ("DiagnosisDate", Input.DiagnosisDate) })
            if (date is { } value && (value > Today || value < Patient.DateOfBirthForValidation))
                ModelState.AddModelError($"Input.{field}", "The date must lie between the patient's birth and today.");
        if (Input.OnsetDate > Input.DiagnosisDate)
            ModelState.AddFieldError(() => Input.OnsetDate, "Symptom onset cannot come after the diagnosis.");
        if (Input.TakesTofersen && Input.Sod1 != GeneticResult.Positive)
            ModelState.AddFieldError(() => Input.TakesTofersen, "Tofersen is given to SOD1 carriers: record the SOD1 result as positive, or untick tofersen.");
        if (FormStatusRule.CompleteRefused(Input.Status, Input.MissingParts(), "A diagnosis") is { } refused)
            ModelState.AddFieldError(() => Input.Status, refused);
        if (!ModelState.IsValid) return Page();

        var d = await Db.Diagnoses.FirstOrDefaultAsync(x => x.PatientId == id, ct);
        if (d is null) Db.Diagnoses.Add(d = new DiagnosisRecord { PatientId = id });
        else Db.Entry(d).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        d.OnsetDate = Input.OnsetDate; d.OnsetSite = Input.OnsetSite; d.DiagnosisDate = Input.DiagnosisDate;
        d.AffectedRegions = Input.AffectedRegions.Aggregate(BodyRegions.None, (all, r) => all | r);
        d.ElEscorial = Input.ElEscorial; d.GoldCoastMet = Input.GoldCoastMet; d.FrontotemporalDementia = Input.FrontotemporalDementia;
        d.C9orf72 = Input.C9orf72; d.Sod1 = Input.Sod1; d.OtherGenetics = Input.OtherGenetics?.Trim();
        d.TakesRiluzole = Input.TakesRiluzole; d.TakesEdaravone = Input.TakesEdaravone; d.TakesTofersen = Input.TakesTofersen;
        d.OtherAlsDrugs = Input.OtherAlsDrugs?.Trim();
        d.Status = Input.EffectiveStatus;
        return await SaveAsync(() => Db.SaveChangesAsync(ct), ToChart(id),
            async () => Input = From(await Db.Diagnoses.AsNoTracking().SingleAsync(x => x.PatientId == id, ct)));
    }

    private static DiagnosisInput From(DiagnosisRecord d) => new()
    {
        OnsetDate = d.OnsetDate, OnsetSite = d.OnsetSite, DiagnosisDate = d.DiagnosisDate,
        AffectedRegions = Enum.GetValues<BodyRegions>().Where(r => r != BodyRegions.None && d.AffectedRegions.HasFlag(r)).ToList(),
        ElEscorial = d.ElEscorial, GoldCoastMet = d.GoldCoastMet, FrontotemporalDementia = d.FrontotemporalDementia,
        C9orf72 = d.C9orf72, Sod1 = d.Sod1, OtherGenetics = d.OtherGenetics, TakesRiluzole = d.TakesRiluzole,
        TakesEdaravone = d.TakesEdaravone, TakesTofersen = d.TakesTofersen, OtherAlsDrugs = d.OtherAlsDrugs, ConcurrencyStamp = d.ConcurrencyStamp, Status = d.Status,
    };
}

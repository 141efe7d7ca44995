using CellTherapyCenter.Clinical.Eligibility;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Features.Patients.Summary;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Eligibility;

/// <summary>The clinic's indications and former contraindications, read from the registry. It screens; a physician decides.</summary>
[Authorize(Policy = StaffPolicies.Staff)]
[ReadsPatientData("Eligibility", "eligibility screen")]
public sealed class EligibilityScreenModel(RegistryDbContext db, PatientReadAudit audit) : PageModel, IShowsOnePatient
{
    PatientIdentityView? IShowsOnePatient.ShownPatient => Patient;
    public PatientIdentityView Patient { get; private set; } = null!;
    public EligibilityResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null) return NotFound();
        Patient = PatientIdentityView.For(User, patient);

        var diagnosis = await db.Diagnoses.AsNoTracking().FirstOrDefaultAsync(d => d.PatientId == id && d.VoidedAt == null, ct);
        var vital = await db.VitalStatuses.AsNoTracking().FirstOrDefaultAsync(v => v.PatientId == id && v.VoidedAt == null, ct);
        var assessments = await db.AlsfrsRAssessments.AsNoTracking().Where(a => a.PatientId == id && a.VoidedAt == null)
            .OrderBy(a => a.AssessedOn).ToListAsync(ct);
        var latestFvc = await db.Visits.AsNoTracking().Where(v => v.PatientId == id && v.VoidedAt == null && v.FvcPercentPredicted != null)
            .OrderByDescending(v => v.Date).Select(v => v.FvcPercentPredicted).FirstOrDefaultAsync(ct);
        // The latest assessed severity: a visit where the symptom was not assessed says nothing about it.
        var latestSwallowing = await db.SymptomObservations.AsNoTracking()
            .Where(s => s.PatientId == id && s.VoidedAt == null && s.Symptom == AlsSymptom.SpeechAndSwallowingDisorders && s.Severity != SymptomSeverity.NotAssessed)
            .Join(db.Visits.Where(v => v.VoidedAt == null), s => s.VisitId, v => v.Id, (s, v) => new { v.Date, s.Severity })
            .OrderByDescending(x => x.Date).Select(x => (int?)x.Severity).FirstOrDefaultAsync(ct);

        Result = EligibilityScreening.Screen(new EligibilityInput
        {
            ElEscorial = diagnosis?.ElEscorial,
            GoldCoastMet = diagnosis?.GoldCoastMet,
            OnsetDate = diagnosis?.OnsetDate,
            Assessments = assessments.Select(a => new DatedAlsfrsR(a.AssessedOn, a.Responses)).ToList(),
            LatestFvcPercentPredicted = latestFvc,
            TakesOrTookRiluzole = diagnosis?.TakesRiluzole == true,
            TakesOrTookEdaravone = diagnosis?.TakesEdaravone == true,
            TakesOrTookTofersen = diagnosis?.TakesTofersen == true,
            Sod1 = diagnosis?.Sod1 ?? default,
            GastrostomyDate = vital?.GastrostomyDate,
            TracheostomyDate = vital?.TracheostomyDate,
            PermanentVentilationDate = vital?.PermanentVentilationDate,
            LatestSpeechSwallowingSeverity = latestSwallowing,
        });
        audit.Read(id);
        return Page();
    }

    public static string Describe(Indication indication) => indication switch
    {
        Indication.ConfirmedDiagnosis => "Confirmed ALS diagnosis",
        Indication.DocumentedProgression => "Documented progression",
        Indication.NoResponseToExistingTreatment => "No response to existing treatment (riluzole, edaravone; tofersen for SOD1 carriers)",
        _ => indication.ToString(),
    };

    public static string Describe(RiskFlag flag) => flag switch
    {
        RiskFlag.GradeIIIRespiratoryFailure => "Grade III respiratory failure",
        RiskFlag.ArtificialVentilation => "Artificial ventilation",
        RiskFlag.Dysphagia => "Dysphagia",
        RiskFlag.Gastrostomy => "Gastrostomy",
        _ => flag.ToString(),
    };

    public static (string Text, string Css) Describe(IndicationStatus status) => status switch
    {
        IndicationStatus.Met => ("Met", "met"),
        IndicationStatus.NotMet => ("Not met", "not-met"),
        _ => ("Not determined", "undetermined"),
    };
}

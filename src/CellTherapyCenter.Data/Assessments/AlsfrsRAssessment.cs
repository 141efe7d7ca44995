using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Data.Patients;

namespace CellTherapyCenter.Data.Assessments;

public enum AssessmentRater
{
    Clinician = 1,
    Patient = 2,
    Caregiver = 3,
}

public enum AssessmentMode
{
    [Display(Name = "In person")]
    InPerson = 1,
    Phone = 2,
    [Display(Name = "Self-administered online")]
    SelfAdministeredOnline = 3,
    Video = 4,
}

/// <summary>One ALSFRS-R. Totals and stages are derived from the items on every save (<see cref="Rescore"/>).</summary>
public class AlsfrsRAssessment : RegistryRecord
{
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public Guid? VisitId { get; set; }
    public DateOnly AssessedOn { get; set; }
    public AssessmentRater Rater { get; set; }
    public AssessmentMode Mode { get; set; }

    public int? Speech { get; set; }
    public int? Salivation { get; set; }
    public int? Swallowing { get; set; }
    public int? Handwriting { get; set; }
    public int? CuttingFood { get; set; }
    public CuttingFoodVersion CuttingFoodVersion { get; set; }
    public int? DressingHygiene { get; set; }
    public int? TurningInBed { get; set; }
    public int? Walking { get; set; }
    public int? ClimbingStairs { get; set; }
    public int? Dyspnea { get; set; }
    public int? Orthopnea { get; set; }
    public int? RespiratoryInsufficiency { get; set; }

    // Derived, stored for querying and for the audit of what was shown at the time.
    public bool IsComplete { get; set; }
    public int? Total { get; set; }
    public int? Bulbar { get; set; }
    public int? FineMotor { get; set; }
    public int? GrossMotor { get; set; }
    public int? Respiratory { get; set; }
    public Clinical.Staging.KingsStageValue? KingsStage { get; set; }
    public int? KingsRegionsInvolved { get; set; }
    public int? MitosStage { get; set; }

    public override Guid AuditPatientId => PatientId;

    public AlsfrsRResponses ToResponses() => AlsfrsRResponses.FromScores(
        Speech, Salivation, Swallowing, Handwriting, CuttingFood, DressingHygiene, TurningInBed,
        Walking, ClimbingStairs, Dyspnea, Orthopnea, RespiratoryInsufficiency, CuttingFoodVersion);

    public void SetResponses(AlsfrsRResponses r)
    {
        Speech = r.Speech; Salivation = r.Salivation; Swallowing = r.Swallowing; Handwriting = r.Handwriting;
        CuttingFood = r.CuttingFood; CuttingFoodVersion = r.CuttingFoodVersion; DressingHygiene = r.DressingHygiene;
        TurningInBed = r.TurningInBed; Walking = r.Walking; ClimbingStairs = r.ClimbingStairs;
        Dyspnea = r.Dyspnea; Orthopnea = r.Orthopnea; RespiratoryInsufficiency = r.RespiratoryInsufficiency;
        Rescore();
    }

    /// <summary>Recomputes the derived columns from the items with the clinical library.</summary>
    public void Rescore()
    {
        var responses = ToResponses();
        var score = AlsfrsRScore.Of(responses);
        IsComplete = score.IsComplete;
        Total = score.Total;
        Bulbar = score.Bulbar;
        FineMotor = score.FineMotor;
        GrossMotor = score.GrossMotor;
        Respiratory = score.Respiratory;
        var kings = Clinical.Staging.KingsStage.Estimate(responses);
        KingsStage = kings?.Stage;
        KingsRegionsInvolved = kings?.RegionsInvolved;
        MitosStage = Clinical.Staging.MitosStage.Estimate(responses)?.Stage;
    }
}

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

    /// <summary>
    /// The twelve answers and the item-5 version, stored as columns of this table under the item
    /// names (an EF Core complex type). Set them with <see cref="SetResponses"/>, which rescores.
    /// </summary>
    public AlsfrsRResponses Responses { get; private set; } = new();

    /// <summary>The form's status; an assessment with unanswered items is incomplete whatever was chosen (<see cref="Rescore"/>).</summary>
    public FormStatus Status { get; set; } = FormStatus.Unverified;

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

    public void SetResponses(AlsfrsRResponses responses)
    {
        Responses = responses;
        Rescore();
    }

    /// <summary>Recomputes the derived columns from the items with the clinical library.</summary>
    public void Rescore()
    {
        var responses = Responses;
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
        if (!IsComplete) Status = FormStatus.Incomplete;
    }
}

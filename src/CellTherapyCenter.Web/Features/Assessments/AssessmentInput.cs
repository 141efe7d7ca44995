using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data.Assessments;

namespace CellTherapyCenter.Web.Features.Assessments;

/// <summary>The ALSFRS-R form as posted. Items are optional: an unanswered item leaves the assessment incomplete.</summary>
public sealed class AssessmentInput
{
    [Required(ErrorMessage = "Enter the date of the assessment.")]
    public DateOnly? AssessedOn { get; set; }
    public AssessmentRater Rater { get; set; } = AssessmentRater.Clinician;
    public AssessmentMode Mode { get; set; } = AssessmentMode.InPerson;
    public CuttingFoodVersion CuttingFoodVersion { get; set; }
    public Guid? VisitId { get; set; }
    public Guid ConcurrencyStamp { get; set; }

    public int? Speech { get; set; }
    public int? Salivation { get; set; }
    public int? Swallowing { get; set; }
    public int? Handwriting { get; set; }
    public int? CuttingFood { get; set; }
    public int? DressingHygiene { get; set; }
    public int? TurningInBed { get; set; }
    public int? Walking { get; set; }
    public int? ClimbingStairs { get; set; }
    public int? Dyspnea { get; set; }
    public int? Orthopnea { get; set; }
    public int? RespiratoryInsufficiency { get; set; }

    public AlsfrsRResponses ToResponses() => AlsfrsRResponses.FromScores(
        Speech, Salivation, Swallowing, Handwriting, CuttingFood, DressingHygiene, TurningInBed,
        Walking, ClimbingStairs, Dyspnea, Orthopnea, RespiratoryInsufficiency, CuttingFoodVersion);

    public static AssessmentInput From(AlsfrsRAssessment a) => new()
    {
        AssessedOn = a.AssessedOn, Rater = a.Rater, Mode = a.Mode, CuttingFoodVersion = a.CuttingFoodVersion, VisitId = a.VisitId,
        ConcurrencyStamp = a.ConcurrencyStamp,
        Speech = a.Speech, Salivation = a.Salivation, Swallowing = a.Swallowing, Handwriting = a.Handwriting, CuttingFood = a.CuttingFood,
        DressingHygiene = a.DressingHygiene, TurningInBed = a.TurningInBed, Walking = a.Walking, ClimbingStairs = a.ClimbingStairs,
        Dyspnea = a.Dyspnea, Orthopnea = a.Orthopnea, RespiratoryInsufficiency = a.RespiratoryInsufficiency,
    };
}

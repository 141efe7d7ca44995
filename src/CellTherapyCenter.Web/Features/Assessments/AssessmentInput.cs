using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data.Assessments;

namespace CellTherapyCenter.Web.Features.Assessments;

/// <summary>
/// The ALSFRS-R form as posted. The answers bind straight into <see cref="AlsfrsRResponses"/>
/// (fields <c>Input.Responses.Speech</c> ...), the type the entity stores: no copy per item.
/// Items are optional: an unanswered item leaves the assessment incomplete.
/// </summary>
public sealed class AssessmentInput
{
    [Required(ErrorMessage = "Enter the date of the assessment.")]
    public DateOnly? AssessedOn { get; set; }
    public AssessmentRater Rater { get; set; } = AssessmentRater.Clinician;
    public AssessmentMode Mode { get; set; } = AssessmentMode.InPerson;
    public Guid? VisitId { get; set; }
    public Guid ConcurrencyStamp { get; set; }
    public AlsfrsRResponses Responses { get; set; } = new();

    /// <summary>The form field of one item, as model binding and ModelState name it (the page binds this as <c>Input</c>).</summary>
    public static string FieldName(AlsfrsRItem item) => $"Input.{nameof(Responses)}.{item}";

    /// <summary>The form field of the item-5 version.</summary>
    public static string CuttingFoodVersionField => $"Input.{nameof(Responses)}.{nameof(AlsfrsRResponses.CuttingFoodVersion)}";

    public static AssessmentInput From(AlsfrsRAssessment a) => new()
    {
        AssessedOn = a.AssessedOn, Rater = a.Rater, Mode = a.Mode, VisitId = a.VisitId,
        ConcurrencyStamp = a.ConcurrencyStamp, Responses = a.Responses,
    };
}

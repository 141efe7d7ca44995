using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Web.Infrastructure.Validation;

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

    /// <summary>
    /// The twelve answers typed in item order ("4433 4221 3444"; "-" for not answered), for
    /// transcribing a paper form without a click per item. The page's script keeps it and the
    /// radio buttons in step; without the script the server fills the unanswered items from it.
    /// </summary>
    [TextLimit(FieldLengths.Label)]
    public string? QuickEntry { get; set; }

    /// <summary>The form field of one item, as model binding and ModelState name it (the page binds this as <c>Input</c>).</summary>
    public static string FieldName(AlsfrsRItem item) => $"Input.{nameof(Responses)}.{item}";

    /// <summary>The form field of the item-5 version.</summary>
    public static string CuttingFoodVersionField => $"Input.{nameof(Responses)}.{nameof(AlsfrsRResponses.CuttingFoodVersion)}";

    /// <summary>
    /// Fills the items left unanswered from <see cref="QuickEntry"/>. Returns the problem to show
    /// beside the field, or null: twelve answers of 0-4 or "-" are expected (spaces ignored), and
    /// an answer that disagrees with an item's chosen radio button is refused rather than guessed.
    /// </summary>
    public string? ApplyQuickEntry()
    {
        if (string.IsNullOrWhiteSpace(QuickEntry)) return null;
        var typed = QuickEntry.Where(c => !char.IsWhiteSpace(c)).ToArray();
        if (typed.Length != AlsfrsRItems.All.Count || typed.Any(c => c is not ('-' or (>= '0' and <= '4'))))
            return $"Type twelve answers in item order, each 0 to 4 or \"-\" for not answered (you typed {typed.Length} characters).";
        var responses = Responses;
        foreach (var (item, c) in AlsfrsRItems.All.Zip(typed))
        {
            int? score = c == '-' ? null : c - '0';
            if (responses[item] is { } chosen && chosen != score)
                return $"Item {AlsfrsRItems.Number(item, responses.CuttingFoodVersion)} is {chosen} in the list but {(score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not answered")} in the quick entry: correct one of them.";
            responses = responses.With(item, responses[item] ?? score);
        }
        Responses = responses;
        return null;
    }

    public static AssessmentInput From(AlsfrsRAssessment a) => new()
    {
        AssessedOn = a.AssessedOn, Rater = a.Rater, Mode = a.Mode, VisitId = a.VisitId,
        ConcurrencyStamp = a.ConcurrencyStamp, Responses = a.Responses,
    };
}

using System.Text.Json;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data.Portal;

namespace CellTherapyCenter.Web.Features.Portal.SelfReport;

/// <summary>
/// One screen of a portal questionnaire: an ALSFRS-R item (0-4), the gastrostomy question that
/// decides between items 5a and 5b (0 no, 1 yes), or one aspect of change after a course (1-7).
/// </summary>
public sealed record QuestionnaireStep(string Key, AlsfrsRItem? Item = null, ChangeAspect? Aspect = null)
{
    public bool IsGastrostomy => Key == QuestionnaireSteps.GastrostomyKey;

    /// <summary>The values offered, in the order shown: best first, as on the published forms.</summary>
    public IReadOnlyList<int> Values => Item is not null ? [4, 3, 2, 1, 0]
        : IsGastrostomy ? [1, 0]
        : [1, 2, 3, 4, 5, 6, 7];

    public bool Accepts(int value) => Values.Contains(value);
}

/// <summary>The ordered screens of each questionnaire kind.</summary>
public static class QuestionnaireSteps
{
    public const string GastrostomyKey = "gastrostomy";

    private static readonly IReadOnlyList<QuestionnaireStep> AlsfrsRSteps =
    [
        .. AlsfrsRItems.All.Where(i => i < AlsfrsRItem.CuttingFood).Select(Item),
        new QuestionnaireStep(GastrostomyKey),
        .. AlsfrsRItems.All.Where(i => i >= AlsfrsRItem.CuttingFood).Select(Item),
    ];

    private static readonly IReadOnlyList<QuestionnaireStep> CourseChangeSteps =
        [.. Enum.GetValues<ChangeAspect>().Select(a => new QuestionnaireStep(a.ToString(), Aspect: a))];

    private static QuestionnaireStep Item(AlsfrsRItem item) => new(AlsfrsRItems.FieldName(item), Item: item);

    public static IReadOnlyList<QuestionnaireStep> For(QuestionnaireKind kind) => kind switch
    {
        QuestionnaireKind.AlsfrsR => AlsfrsRSteps,
        QuestionnaireKind.CourseChange => CourseChangeSteps,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>The answers of a questionnaire so far, as stored in <see cref="PortalQuestionnaire.Answers"/>.</summary>
public sealed class QuestionnaireAnswers
{
    private readonly Dictionary<string, int> _values;

    private QuestionnaireAnswers(Dictionary<string, int> values) => _values = values;

    public static QuestionnaireAnswers Parse(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, int>>(string.IsNullOrWhiteSpace(json) ? "{}" : json) ?? []);

    public string ToJson() => JsonSerializer.Serialize(_values);

    public int? this[string key] => _values.TryGetValue(key, out var v) ? v : null;

    public void Set(QuestionnaireStep step, int value)
    {
        if (!step.Accepts(value)) throw new ArgumentOutOfRangeException(nameof(value), $"{value} is not an answer to {step.Key}.");
        // Item 5 is a different question with and without a gastrostomy (5a/5b): an answer given
        // to the other question must be asked again.
        // Until the feeding-tube question is answered, item 5 is shown as 5a.
        if (step.IsGastrostomy && (this[step.Key] == 1) != (value == 1))
            _values.Remove(AlsfrsRItems.FieldName(AlsfrsRItem.CuttingFood));
        _values[step.Key] = value;
    }

    public int AnsweredCount(IReadOnlyList<QuestionnaireStep> steps) => steps.Count(s => _values.ContainsKey(s.Key));

    public bool IsComplete(IReadOnlyList<QuestionnaireStep> steps) => steps.All(s => _values.ContainsKey(s.Key));

    /// <summary>The first step not yet answered, or null when all are.</summary>
    public int? FirstUnanswered(IReadOnlyList<QuestionnaireStep> steps)
    {
        for (var i = 0; i < steps.Count; i++) if (!_values.ContainsKey(steps[i].Key)) return i;
        return null;
    }

    public CuttingFoodVersion CuttingFoodVersion =>
        this[QuestionnaireSteps.GastrostomyKey] == 1 ? CuttingFoodVersion.WithGastrostomy5b : CuttingFoodVersion.WithoutGastrostomy5a;

    /// <summary>The ALSFRS-R responses (items not answered stay missing; the scoring flags them).</summary>
    public AlsfrsRResponses ToAlsfrsR()
    {
        int? Of(AlsfrsRItem item) => this[AlsfrsRItems.FieldName(item)];
        return AlsfrsRResponses.FromScores(Of(AlsfrsRItem.Speech), Of(AlsfrsRItem.Salivation), Of(AlsfrsRItem.Swallowing),
            Of(AlsfrsRItem.Handwriting), Of(AlsfrsRItem.CuttingFood), Of(AlsfrsRItem.DressingHygiene), Of(AlsfrsRItem.TurningInBed),
            Of(AlsfrsRItem.Walking), Of(AlsfrsRItem.ClimbingStairs), Of(AlsfrsRItem.Dyspnea), Of(AlsfrsRItem.Orthopnea),
            Of(AlsfrsRItem.RespiratoryInsufficiency), CuttingFoodVersion);
    }

    /// <summary>The ratings of a course-change questionnaire.</summary>
    public IEnumerable<(ChangeAspect Aspect, ChangeRating Rating)> ChangeRatings() =>
        Enum.GetValues<ChangeAspect>().Where(a => _values.ContainsKey(a.ToString()))
            .Select(a => (a, (ChangeRating)_values[a.ToString()]));
}

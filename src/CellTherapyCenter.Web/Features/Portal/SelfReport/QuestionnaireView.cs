using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data.Portal;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.Portal.SelfReport;

/// <summary>One answer as offered on screen.</summary>
public sealed record AnswerOption(int Value, string Text);

/// <summary>A step as shown: its question, hint and answers in the reader's language.</summary>
public sealed record StepView(int Index, QuestionnaireStep Step, string Question, string? Hint, IReadOnlyList<AnswerOption> Options, int? Current)
{
    public string? CurrentText => Options.FirstOrDefault(o => o.Value == Current)?.Text;
}

/// <summary>Builds the screens of a questionnaire from its steps, its answers so far and the texts.</summary>
public static class QuestionnaireView
{
    public static IReadOnlyList<StepView> Build(QuestionnaireKind kind, QuestionnaireAnswers answers, SelfReportText text)
    {
        var steps = QuestionnaireSteps.For(kind);
        var version = answers.CuttingFoodVersion;
        return steps.Select((step, i) => Build(i, step, answers[step.Key], version, text)).ToList();
    }

    private static StepView Build(int index, QuestionnaireStep step, int? current, Clinical.Alsfrs.CuttingFoodVersion version, SelfReportText text)
    {
        if (step.Item is { } item)
        {
            var answers = text.Answers(item, version);
            return new(index, step, text.Question(item, version), Blank(text.Hint(item, version)),
                step.Values.Select(v => new AnswerOption(v, answers[v])).ToList(), current);
        }
        if (step.IsGastrostomy)
            return new(index, step, text.GastrostomyQuestion, Blank(text.GastrostomyHint),
                [new AnswerOption(1, text.Yes), new AnswerOption(0, text.No)], current);
        var aspect = step.Aspect!.Value;
        return new(index, step, text.ChangeQuestion(aspect), null,
            step.Values.Select(v => new AnswerOption(v, text.ChangeRating((ChangeRating)v))).ToList(), current);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

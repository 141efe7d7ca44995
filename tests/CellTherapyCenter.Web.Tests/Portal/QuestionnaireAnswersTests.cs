using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Features.Portal.SelfReport;

namespace CellTherapyCenter.Web.Tests.Portal;

/// <summary>The answers of a portal questionnaire: order, completeness, and item 5a/5b.</summary>
public sealed class QuestionnaireAnswersTests
{
    private static readonly IReadOnlyList<QuestionnaireStep> Steps = QuestionnaireSteps.For(QuestionnaireKind.AlsfrsR);
    private static QuestionnaireStep Step(string key) => Steps.Single(s => s.Key == key);

    [Fact]
    public void The_feeding_tube_question_comes_just_before_item_5_and_every_item_offers_4_to_0()
    {
        Assert.Equal(13, Steps.Count);
        Assert.Equal(["speech", "salivation", "swallowing", "handwriting", "gastrostomy", "cuttingFood"], Steps.Take(6).Select(s => s.Key));
        Assert.All(Steps.Where(s => s.Item is not null), s => Assert.Equal([4, 3, 2, 1, 0], s.Values));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], QuestionnaireSteps.For(QuestionnaireKind.CourseChange)[0].Values);
        Assert.Throws<ArgumentOutOfRangeException>(() => QuestionnaireAnswers.Parse("{}").Set(Step("speech"), 5));
    }

    [Fact]
    public void Item_5_answered_without_a_feeding_tube_is_kept_when_the_tube_question_says_no_and_asked_again_when_it_says_yes()
    {
        var answers = QuestionnaireAnswers.Parse("{}");
        answers.Set(Step("cuttingFood"), 3);
        answers.Set(Step("gastrostomy"), 0);
        Assert.Equal(3, answers["cuttingFood"]);
        Assert.Equal(CuttingFoodVersion.WithoutGastrostomy5a, answers.CuttingFoodVersion);

        answers.Set(Step("gastrostomy"), 1);
        Assert.Null(answers["cuttingFood"]);
        Assert.Equal(CuttingFoodVersion.WithGastrostomy5b, answers.CuttingFoodVersion);
        answers.Set(Step("cuttingFood"), 2);
        answers.Set(Step("gastrostomy"), 1);
        Assert.Equal(2, answers["cuttingFood"]);
    }

    [Fact]
    public void Complete_answers_score_as_the_ALSFRS_R_and_survive_a_round_trip()
    {
        var answers = QuestionnaireAnswers.Parse("{}");
        foreach (var step in Steps) answers.Set(step, step.IsGastrostomy ? 1 : 2);
        Assert.True(answers.IsComplete(Steps));
        var again = QuestionnaireAnswers.Parse(answers.ToJson());
        var score = AlsfrsRScore.Of(again.ToAlsfrsR());
        Assert.Equal(24, score.Total);
        Assert.Equal(CuttingFoodVersion.WithGastrostomy5b, again.ToAlsfrsR().CuttingFoodVersion);
        Assert.Null(QuestionnaireAnswers.Parse("""{"speech":4}""").FirstUnanswered([Steps[0]]));
        Assert.Equal(1, QuestionnaireAnswers.Parse("""{"speech":4}""").FirstUnanswered(Steps));
    }
}

using CellTherapyCenter.Clinical.AdverseEvents;

namespace CellTherapyCenter.Clinical.Tests.AdverseEvents;

// Source: NCI Common Terminology Criteria for Adverse Events (CTCAE v5.0): grade 1 mild, 2 moderate,
// 3 severe, 4 life-threatening, 5 death (staging.md, "Adverse events").
public class CtcaeGradesTests
{
    [Theory]
    [InlineData(CtcaeGrade.Mild, 1)]
    [InlineData(CtcaeGrade.Moderate, 2)]
    [InlineData(CtcaeGrade.Severe, 3)]
    [InlineData(CtcaeGrade.LifeThreatening, 4)]
    [InlineData(CtcaeGrade.Death, 5)]
    public void Grades_carry_their_CTCAE_number(CtcaeGrade grade, int number)
    {
        Assert.Equal(number, (int)grade);
        Assert.StartsWith($"Grade {number},", CtcaeGrades.Describe(grade), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_rejects_an_unknown_grade()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CtcaeGrades.Describe((CtcaeGrade)6));
    }

    [Theory]
    [InlineData(Relatedness.Unrelated, false)]
    [InlineData(Relatedness.Unlikely, false)]
    [InlineData(Relatedness.Possible, true)]
    [InlineData(Relatedness.Probable, true)]
    [InlineData(Relatedness.Definite, true)]
    public void Possible_or_stronger_counts_as_related(Relatedness relatedness, bool related)
    {
        Assert.Equal(related, CtcaeGrades.IsRelated(relatedness));
    }

    [Theory]
    [InlineData(CtcaeGrade.Mild, false)]
    [InlineData(CtcaeGrade.Moderate, false)]
    [InlineData(CtcaeGrade.Severe, false)]
    [InlineData(CtcaeGrade.LifeThreatening, true)]
    [InlineData(CtcaeGrade.Death, true)]
    public void Grades_4_and_5_are_serious_by_grade(CtcaeGrade grade, bool serious)
    {
        Assert.Equal(serious, CtcaeGrades.IsSeriousByGrade(grade));
    }

    [Theory]
    [InlineData(CtcaeGrade.Death, AdverseEventOutcome.Fatal, false)]
    [InlineData(CtcaeGrade.Death, AdverseEventOutcome.Recovered, true)]
    [InlineData(CtcaeGrade.Death, AdverseEventOutcome.Unknown, true)]
    [InlineData(CtcaeGrade.LifeThreatening, AdverseEventOutcome.Fatal, true)]
    [InlineData(CtcaeGrade.Mild, AdverseEventOutcome.Fatal, true)]
    [InlineData(CtcaeGrade.LifeThreatening, AdverseEventOutcome.Ongoing, false)]
    [InlineData(CtcaeGrade.Severe, AdverseEventOutcome.RecoveredWithSequelae, false)]
    [InlineData(CtcaeGrade.Mild, AdverseEventOutcome.Recovered, false)]
    public void Grade_5_and_a_fatal_outcome_go_together(CtcaeGrade grade, AdverseEventOutcome outcome, bool inconsistent)
    {
        Assert.Equal(inconsistent, CtcaeGrades.Inconsistency(grade, outcome) is not null);
    }
}

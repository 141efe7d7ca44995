using System.ComponentModel.DataAnnotations;

namespace CellTherapyCenter.Clinical.AdverseEvents;

/// <summary>Common Terminology Criteria for Adverse Events severity grade.</summary>
public enum CtcaeGrade
{
    Mild = 1,
    Moderate = 2,
    Severe = 3,
    [Display(Name = "Life-threatening")]
    LifeThreatening = 4,
    Death = 5,
}

/// <summary>Relation of an event to the transplantation.</summary>
public enum Relatedness
{
    Unrelated = 1,
    Unlikely = 2,
    Possible = 3,
    Probable = 4,
    Definite = 5,
}

public enum AdverseEventOutcome
{
    Ongoing = 1,
    Recovered = 2,
    [Display(Name = "Recovered with sequelae")]
    RecoveredWithSequelae = 3,
    Fatal = 4,
    Unknown = 5,
}

public static class CtcaeGrades
{
    public static string Describe(CtcaeGrade grade) => grade switch
    {
        CtcaeGrade.Mild => "Grade 1, mild: no intervention needed",
        CtcaeGrade.Moderate => "Grade 2, moderate: limits instrumental activities of daily living",
        CtcaeGrade.Severe => "Grade 3, severe or needing hospitalisation: limits self-care",
        CtcaeGrade.LifeThreatening => "Grade 4, life-threatening: urgent intervention",
        CtcaeGrade.Death => "Grade 5, death related to the event",
        _ => throw new ArgumentOutOfRangeException(nameof(grade)),
    };

    /// <summary>Possible, probable or definite relation counts as related (the usual convention for attribution).</summary>
    public static bool IsRelated(Relatedness relatedness) => relatedness >= Relatedness.Possible;

    /// <summary>Grade 4 or 5 events are serious whatever was ticked; grade 3 needs the seriousness criteria (e.g. hospitalisation) stated.</summary>
    public static bool IsSeriousByGrade(CtcaeGrade grade) => grade >= CtcaeGrade.LifeThreatening;

    /// <summary>An outcome must agree with the grade: grade 5 means the outcome is fatal, and a fatal outcome needs grade 5.</summary>
    public static string? Inconsistency(CtcaeGrade grade, AdverseEventOutcome outcome) =>
        (grade == CtcaeGrade.Death) != (outcome == AdverseEventOutcome.Fatal)
            ? "A grade 5 event has a fatal outcome, and a fatal outcome is graded 5."
            : null;
}

using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Clinical.Symptoms;

namespace CellTherapyCenter.Outcomes.Tests;

/// <summary>Hand-built patients for the claims tests: a first course on <see cref="Start"/>, everything else relative to it.</summary>
internal static class Cohort
{
    public static readonly DateOnly Start = new(2022, 1, 10);
    public static readonly DateOnly DataDate = new(2026, 6, 30);
    private static int s_next;

    public static PatientFacts Treated(params int[] laterCourseDays) => new()
    {
        Id = NextId(),
        DateOfBirth = Start.AddYears(-60),
        OnsetDate = Start.AddMonths(-18),
        OnsetSite = OnsetSite.UpperLimb,
        DiagnosisDate = Start.AddMonths(-6),
        ElEscorial = ElEscorialCategory.Probable,
        FrontotemporalDementia = false,
        C9orf72 = GeneticResult.Negative,
        LastKnownAliveOn = DataDate,
        CourseStarts = [Start, .. laterCourseDays.Select(d => Start.AddDays(d))],
    };

    public static PatientFacts Untreated() => Treated() with { CourseStarts = [] };

    public static AssessmentFact Score(int day, int total, bool atVisit = true, string? kings = "2") => new(Start.AddDays(day), total, kings, atVisit);

    public static VisitFact Visit(int day, double? fvc = 85) => new() { Date = Start.AddDays(day), FvcPercentPredicted = fvc };

    public static VisitFact Rated(int day, ChangeAspect aspect, ChangeRating rating) =>
        Visit(day) with { ReportedChanges = new Dictionary<ChangeAspect, ChangeRating> { [aspect] = rating } };

    public static VisitFact Examined(int day, int findings, int improved) =>
        Visit(day) with { ExaminationFindings = findings, ExaminationImprovements = improved };

    public static IReadOnlyList<PatientFacts> Times(int count, Func<PatientFacts> make) => Enumerable.Range(0, count).Select(_ => make()).ToList();

    private static Guid NextId() => new(Interlocked.Increment(ref s_next), 0, 0, new byte[8]);
}

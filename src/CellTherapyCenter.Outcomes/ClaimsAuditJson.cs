using System.Text.Json;

namespace CellTherapyCenter.Outcomes;

/// <summary>
/// The audit as JSON, for researchers (the command-line tool's <c>claims</c>) and for export:
/// every measure with its definition, numerator, denominator, interval and method; a figure
/// that was not estimated is null with its reason in "shortfall".
/// </summary>
public static class ClaimsAuditJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static string Write(ClaimsAuditReport report) => JsonSerializer.Serialize(new
    {
        dataDate = report.DataDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        report.Patients,
        report.SyntheticPatients,
        report.TreatedPatients,
        filter = report.Parameters.Filter,
        parameters = report.Parameters with { Filter = new() },
        claims = report.Claims.Select(c => new
        {
            id = c.Stated.Id,
            heading = c.Stated.Heading,
            clinicStatement = c.Stated.Statement,
            clinicStatedFigure = c.Stated.StatedFigure,
            definition = c.Stated.Definition,
            comparison = c.Stated.Comparison,
            measures = c.Measures.Select(Measure),
            notes = c.Notes,
        }),
        // Beside the progression (P) and survival (S) claims: the same measures in each imported external cohort.
        externalCohorts = report.Comparisons.Select(c => new
        {
            cohort = c.Cohort,
            source = c.Source,
            c.IsSynthetic,
            c.IsPublic,
            comparable = new
            {
                treated = c.Support.TreatedKept,
                cohort = c.Support.CohortKept,
                treatedOutsideSharedRange = c.Support.TreatedOutside,
                cohortOutsideSharedRange = c.Support.CohortOutside,
                treatedWithoutBaseline = c.Support.TreatedMissing,
                cohortWithoutBaseline = c.Support.CohortMissing,
                sharedRanges = c.Support.Ranges.Select(r => new { name = r.Name, from = r.From, to = r.To }),
            },
            progression = c.Progression.Select(Measure),
            survival = c.Survival.Select(Measure),
            notes = c.Notes,
        }),
    }, Options) + Environment.NewLine;

    private static object Measure(ClaimMeasure m) => new
    {
        m.Name,
        kind = m.Kind.ToString(),
        estimate = Finite(m.Estimate),
        lower = Finite(m.Lower),
        upper = Finite(m.Upper),
        p = Finite(m.P),
        m.Numerator,
        m.Denominator,
        m.Method,
        m.Shortfall,
    };

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}

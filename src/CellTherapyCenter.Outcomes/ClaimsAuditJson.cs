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
            measures = c.Measures.Select(m => new
            {
                m.Name,
                kind = m.Kind.ToString(),
                estimate = Finite(m.Estimate),
                lower = Finite(m.Lower),
                upper = Finite(m.Upper),
                m.Numerator,
                m.Denominator,
                m.Method,
                m.Shortfall,
            }),
            notes = c.Notes,
        }),
    }, Options) + Environment.NewLine;

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}

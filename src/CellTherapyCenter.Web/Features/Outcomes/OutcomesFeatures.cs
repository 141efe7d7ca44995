using System.Globalization;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Outcomes;
using CellTherapyCenter.Web.Infrastructure;
using CsvHelper;

namespace CellTherapyCenter.Web.Features.Outcomes;

/// <summary>The claims audit for staff: its page, CSV exports and plots.</summary>
public static class OutcomesFeatures
{
    public static IServiceCollection AddOutcomes(this IServiceCollection services) =>
        services.AddMemoryCache().AddSingleton<ClaimsAuditCache>();

    public static IEndpointRouteBuilder MapOutcomesEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/staff/outcomes").RequireAuthorization(StaffPolicies.Staff);
        staff.MapGet("/claims.csv", ClaimsCsvAsync).WithName(EndpointNames.ClaimsCsv).ReadsPatientData("ClaimsAudit");
        return app;
    }

    private static async Task<IResult> ClaimsCsvAsync([AsParameters] AuditQuery query, ClaimsAuditCache audits, PatientReadAudit audit, HttpContext http, CancellationToken ct)
    {
        var parameters = query.ToParameters();
        var computed = await audits.GetAsync(parameters, ct);
        audit.ReadUnlinked(null, query.Describe(), AuditActions.Export);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var header in new[] { "claim", "heading", "measure", "kind", "estimate", "lower", "upper", "numerator", "denominator", "method", "shortfall", "clinicStatedFigure", "dataDate", "filter" })
                csv.WriteField(header);
            await csv.NextRecordAsync();
            foreach (var claim in computed.Report.Claims)
                foreach (var m in claim.Measures)
                {
                    foreach (var field in new[] { claim.Stated.Id, claim.Stated.Heading, m.Name, m.Kind.ToString(), MeasureText.Csv(m.Estimate),
                        MeasureText.Csv(m.Lower), MeasureText.Csv(m.Upper), m.Numerator?.ToString(CultureInfo.InvariantCulture) ?? "",
                        m.Denominator.ToString(CultureInfo.InvariantCulture), m.Method, m.Shortfall ?? "", claim.Stated.StatedFigure,
                        computed.Report.DataDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), query.Describe() })
                        csv.WriteField(field);
                    await csv.NextRecordAsync();
                }
        }
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(writer.ToString()), "text/csv; charset=utf-8", "claims-audit.csv");
    }
}

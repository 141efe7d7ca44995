using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Outcomes;
using CellTherapyCenter.Web.Features.Outcomes;
using CellTherapyCenter.Web.Infrastructure;

namespace CellTherapyCenter.Web.Features.Analytics;

/// <summary>The analytics plots as PNG (and as SVG for a phone) and their numbers as CSV, under the audit's filters; each read audited.</summary>
public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/staff/outcomes").RequireAuthorization(StaffPolicies.Staff);
        staff.MapGet("/plots/{name}.png", (string name, [AsParameters] AuditQuery query, ClaimsAuditCache audits, PatientReadAudit audit, HttpContext http, CancellationToken ct) =>
            ServeAsync(name, query, audits, audit, http, AuditActions.Read, (plot, treated, report, p) =>
                TypedResults.File(plot.Png(treated, report, p), "image/png"), ct))
            .WithName(EndpointNames.OutcomesPlotPng).ReadsPatientData("OutcomesPlot");
        // The same plot drawn for a phone, chosen by the page's <picture> at narrow widths.
        staff.MapGet("/plots/{name}.svg", (string name, [AsParameters] AuditQuery query, ClaimsAuditCache audits, PatientReadAudit audit, HttpContext http, CancellationToken ct) =>
            ServeAsync(name, query, audits, audit, http, AuditActions.Read, (plot, treated, report, p) =>
                TypedResults.File(plot.Svg(treated, report, p), "image/svg+xml"), ct))
            .WithName(EndpointNames.OutcomesPlotSvg).ReadsPatientData("OutcomesPlot");
        staff.MapGet("/plots/{name}.csv", (string name, [AsParameters] AuditQuery query, ClaimsAuditCache audits, PatientReadAudit audit, HttpContext http, CancellationToken ct) =>
            ServeAsync(name, query, audits, audit, http, AuditActions.Export, (plot, treated, report, p) =>
                TypedResults.File(System.Text.Encoding.UTF8.GetBytes(plot.Csv(treated, report, p)), "text/csv; charset=utf-8", plot.Name + ".csv"), ct))
            .WithName(EndpointNames.OutcomesPlotCsv).ReadsPatientData("OutcomesPlot");
        return app;
    }

    private static async Task<IResult> ServeAsync(string name, AuditQuery query, ClaimsAuditCache audits, PatientReadAudit audit, HttpContext http, string action,
        Func<AnalyticsPlot, IReadOnlyList<PatientFacts>, ClaimsAuditReport, ClaimsAuditParameters, IResult> render, CancellationToken ct)
    {
        if (AnalyticsPlot.Find(name) is not { } plot) return TypedResults.NotFound();
        var parameters = query.ToParameters();
        var report = (await audits.GetAsync(parameters, ct)).Report;
        var snapshot = await audits.SnapshotAsync(ct);
        var treated = ClaimsAudit.Treated(snapshot.Patients, parameters);
        audit.ReadUnlinked(plot.Name, query.Describe(), action);
        http.Response.Headers.CacheControl = "no-store";
        return render(plot, treated, report, parameters);
    }
}

using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Outcomes;
using CellTherapyCenter.Web.Features.Analytics;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Outcomes;

/// <summary>
/// The claims audit for staff: every stated outcome with what the registry measures, filtered by
/// period of first course and subgroup. Aggregates only, but computed from patient data, so each
/// view is audited (one line naming the filter).
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[ReadsPatientData("ClaimsAudit")]
public sealed class ClaimsAuditPageModel(ClaimsAuditCache audits, PatientReadAudit audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public AuditQuery Query { get; set; } = new();

    public ComputedAudit Audit { get; private set; } = null!;

    /// <summary>Filters given in the address that could not be read (an impossible date, an unknown site): left out, and said so.</summary>
    public IReadOnlyList<string> IgnoredFilters { get; private set; } = [];

    /// <summary>Each plot's finding in words (its text alternative), by plot name.</summary>
    public IReadOnlyDictionary<string, string> PlotSummaries { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        IgnoredFilters = ModelState.Where(e => e.Value?.Errors.Count > 0)
            .Select(e => $"{e.Key.Split('.')[^1]}=\"{e.Value!.AttemptedValue}\"").ToList();
        var parameters = Query.ToParameters();
        Audit = await audits.GetAsync(parameters, ct);
        var treated = ClaimsAudit.Treated((await audits.SnapshotAsync(ct)).Patients, parameters);
        PlotSummaries = AnalyticsPlot.All.ToDictionary(p => p.Name, p => p.Summary(treated, Audit.Report, parameters));
        audit.ReadUnlinked(null, Query.Describe());
    }
}

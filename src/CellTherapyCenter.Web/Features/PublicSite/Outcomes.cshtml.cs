using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.Outcomes;
using CellTherapyCenter.Web.Features.PublicSite.Outcomes;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>The clinic's stated outcomes beside what the registry measures; counts are live (at most a minute old).</summary>
[OutputCache(PolicyName = PublicSiteCache.LivePolicy)]
public sealed class OutcomesModel(RegistryDbContext db, ClaimsAuditCache audits, IStringLocalizer<OutcomeCardText> cardText, TimeProvider clock, ILogger<OutcomesModel> log) : PublicPageModel(db)
{
    protected override string Slug => "outcomes";

    public RegistryCounts Counts { get; private set; } = null!;
    public DateTime ComputedAt { get; private set; }
    /// <summary>The claims audit over all treated patients (the public page has no filters); null if it failed.</summary>
    public ComputedAudit? Audit { get; private set; }
    /// <summary>One card per claim, in the visitor's language; none if the audit failed.</summary>
    public IReadOnlyList<OutcomeCard> Cards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadTextAsync(ct);
        Counts = await RegistryCounts.CountAsync(Db, ct);
        try
        {
            Audit = await audits.GetAsync(new CellTherapyCenter.Outcomes.ClaimsAuditParameters(), ct);
            Cards = OutcomeCards.Build(Audit.Report, cardText);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The page still states each claim and its definition; it shows no figure rather than fail.
            log.LogError(e, "The claims audit failed for the public outcomes page");
        }
        ComputedAt = clock.GetUtcNow().UtcDateTime;
    }
}

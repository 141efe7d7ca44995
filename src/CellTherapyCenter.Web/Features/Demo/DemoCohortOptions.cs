namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>
/// Parameters of the synthetic demo cohort (configuration section "Demo"). The cohort follows
/// the natural history of ALS (shared/domain/natural-history.md); the treatment effect is an
/// explicit, labelled parameter that defaults to none.
/// </summary>
public sealed record DemoCohortOptions
{
    /// <summary>
    /// The default cohort is the one DemoClaimsAuditTests checks: every audit figure compatible
    /// with no effect when it has none. 600 patients keep the intervals narrow enough to mean
    /// something and the first start quick.
    /// </summary>
    public int Patients { get; init; } = 600;
    public int Seed { get; init; } = 7;
    /// <summary>
    /// Subjects of the synthetic, untreated natural-history cohort seeded beside the patients as an
    /// external PRO-ACT cohort (the outcomes comparison's control group); 0 seeds none.
    /// </summary>
    public int NaturalHistorySubjects { get; init; } = 600;
    /// <summary>ALSFRS-R points per month added to a patient's slope after a course. 0 = no effect (default).</summary>
    public double TreatmentEffectPointsPerMonth { get; init; }
    /// <summary>Share of months between visits with a self-reported ALSFRS-R from home.</summary>
    public double SelfReportShare { get; init; } = 0.2;
    /// <summary>
    /// Whether each course gets its follow-up schedule (issue 5). On by default; benchmarks of the
    /// registry's own pages and of the claims audit seed without it, since they do not read it.
    /// </summary>
    public bool FollowUpSchedules { get; init; } = true;
    /// <summary>The date the synthetic data end (no event after it). Default: today, so the data stay current.</summary>
    public DateOnly? DataDate { get; init; }

    public static DemoCohortOptions From(IConfiguration configuration) =>
        configuration.GetSection("Demo").Get<DemoCohortOptions>() ?? new DemoCohortOptions();
}

namespace CellTherapyCenter.Outcomes.Comparison;

/// <summary>A closed range of a baseline value shared by both groups.</summary>
public sealed record SharedRange(string Name, double From, double To)
{
    public bool Contains(double value) => value >= From && value <= To;
}

/// <summary>
/// Which subjects are comparable: those whose baseline ALSFRS-R, disease duration and ΔFRS each
/// lie where both groups have subjects (the common support: from the larger of the two groups'
/// minima to the smaller of their maxima). A treated patient with a baseline no cohort subject
/// comes near has no counterpart to be compared with, and the other way round; those left out
/// are counted, never silently dropped.
/// </summary>
/// <param name="Ranges">Empty when the groups do not overlap at all (or one is empty).</param>
public sealed record CommonSupport(
    IReadOnlyList<SharedRange> Ranges,
    int TreatedWithBaseline,
    int CohortWithBaseline,
    int TreatedKept,
    int CohortKept,
    IReadOnlyDictionary<string, int> TreatedMissing,
    IReadOnlyDictionary<string, int> CohortMissing)
{
    public int TreatedOutside => TreatedWithBaseline - TreatedKept;
    public int CohortOutside => CohortWithBaseline - CohortKept;

    internal static (CommonSupport Support, List<ComparisonSubject> Kept) Select(
        List<ComparisonSubject> treated, List<ComparisonSubject> cohort,
        Dictionary<string, int> treatedMissing, Dictionary<string, int> cohortMissing)
    {
        var ranges = new List<SharedRange>();
        if (treated.Count > 0 && cohort.Count > 0)
        {
            foreach (var (name, value) in Values)
            {
                var from = Math.Max(treated.Min(value), cohort.Min(value));
                var to = Math.Min(treated.Max(value), cohort.Max(value));
                if (from > to) { ranges.Clear(); break; }
                ranges.Add(new SharedRange(name, from, to));
            }
        }
        var kept = ranges.Count == 0 ? [] : treated.Concat(cohort)
            .Where(s => Values.Select((v, i) => ranges[i].Contains(v.Value(s))).All(x => x)).ToList();
        return (new CommonSupport(ranges, treated.Count, cohort.Count, kept.Count(s => s.Treated), kept.Count(s => !s.Treated),
            treatedMissing, cohortMissing), kept);
    }

    private static readonly (string Name, Func<ComparisonSubject, double> Value)[] Values =
    [
        ("baseline ALSFRS-R (points)", s => s.BaselineTotal),
        ("disease duration at baseline (months)", s => s.DurationMonths),
        ("ΔFRS at baseline (points/month)", s => s.DeltaFrs),
    ];

    /// <summary>The selection in words, for the page and the JSON.</summary>
    public string Describe()
    {
        static string Missing(IReadOnlyDictionary<string, int> m) =>
            m.Count == 0 ? "" : " (" + string.Join("; ", m.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Value} {x.Key}")) + ")";
        var text = $"Compared: {TreatedKept} of {TreatedWithBaseline + TreatedMissing.Values.Sum()} treated patients and {CohortKept} of {CohortWithBaseline + CohortMissing.Values.Sum()} cohort subjects. " +
            $"Left out without a baseline: {TreatedMissing.Values.Sum()} treated{Missing(TreatedMissing)}, {CohortMissing.Values.Sum()} cohort{Missing(CohortMissing)}. ";
        if (Ranges.Count == 0) return text + "The two groups' baselines do not overlap: nothing is compared.";
        return text + $"Left out outside the range both groups share: {TreatedOutside} treated, {CohortOutside} cohort. Shared ranges: " +
            string.Join("; ", Ranges.Select(r => $"{r.Name} {r.From:0.##} to {r.To:0.##}")) + ".";
    }
}

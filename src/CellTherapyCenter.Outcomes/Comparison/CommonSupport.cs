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
                var (treatedMin, treatedMax) = Span(treated, value);
                var (cohortMin, cohortMax) = Span(cohort, value);
                var from = Math.Max(treatedMin, cohortMin);
                var to = Math.Min(treatedMax, cohortMax);
                if (from > to) { ranges.Clear(); break; }
                ranges.Add(new SharedRange(name, from, to));
            }
        }
        var kept = new List<ComparisonSubject>();
        if (ranges.Count > 0)
            foreach (var group in (List<ComparisonSubject>[])[treated, cohort])
                foreach (var s in group)
                    if (WithinAll(s, ranges)) kept.Add(s);
        return (new CommonSupport(ranges, treated.Count, cohort.Count, kept.Count(s => s.Treated), kept.Count(s => !s.Treated),
            treatedMissing, cohortMissing), kept);
    }

    private static (double Min, double Max) Span(List<ComparisonSubject> subjects, Func<ComparisonSubject, double> value)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var s in subjects)
        {
            var v = value(s);
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return (min, max);
    }

    private static bool WithinAll(ComparisonSubject subject, List<SharedRange> ranges)
    {
        for (var i = 0; i < Values.Length; i++)
            if (!ranges[i].Contains(Values[i].Value(subject))) return false;
        return true;
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

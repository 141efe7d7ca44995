namespace CellTherapyCenter.Statistics.Survival;

/// <summary>
/// Harrell's concordance between a risk score and survival, counted the way R's
/// survival::concordance counts for a Cox model (reverse = TRUE: higher score, shorter life).
/// O(n log n): observations are visited from the latest time backwards while a Fenwick tree
/// over score ranks holds everyone known to outlive the current time.
/// </summary>
/// <summary>The pair counts behind a concordance, as survival::concordance reports them.</summary>
public sealed record ConcordanceCounts(double Concordant, double Discordant, double TiedRisk, double TiedTime, double TiedRiskAndTime)
{
    /// <summary>(concordant + tied/2) / (concordant + discordant + tied); NaN without comparable pairs.</summary>
    public double Value => (Concordant + TiedRisk / 2) / (Concordant + Discordant + TiedRisk);
}

public static class HarrellConcordance
{
    public static ConcordanceCounts Compute(IReadOnlyList<double> times, IReadOnlyList<bool> events, IReadOnlyList<double> riskScores)
    {
        SurvivalInput.Validate(times, events.Count, nameof(events));
        SurvivalInput.Validate(times, riskScores.Count, nameof(riskScores));
        int n = times.Count;

        // Rank scores so that equal scores share a rank (ties are exact equality, as in R).
        var sortedScores = riskScores.Distinct().Order().ToArray();
        var rank = new int[n];
        for (int i = 0; i < n; i++) rank[i] = Array.BinarySearch(sortedScores, riskScores[i]) + 1;
        var tree = new long[sortedScores.Length + 1];
        long inTree = 0;

        var order = SurvivalInput.OrderByTime(times);
        double concordant = 0, discordant = 0, tiedRisk = 0, tiedTime = 0, tiedBoth = 0;
        var deathsByRank = new Dictionary<int, long>();
        for (int end = n; end > 0;)
        {
            double t = times[order[end - 1]];
            int start = end - 1;
            while (start > 0 && times[order[start - 1]] == t) start--;

            // Censored at t: known to outlive the deaths at t.
            for (int j = start; j < end; j++)
                if (!events[order[j]]) { Add(tree, rank[order[j]]); inTree++; }

            long deathsHere = 0;
            deathsByRank.Clear();
            for (int j = start; j < end; j++)
            {
                int i = order[j];
                if (!events[i]) continue;
                deathsHere++;
                deathsByRank[rank[i]] = deathsByRank.GetValueOrDefault(rank[i]) + 1;
                long below = Prefix(tree, rank[i] - 1);
                long atOrBelow = Prefix(tree, rank[i]);
                concordant += below;                 // the one who died first had the higher score
                tiedRisk += atOrBelow - below;
                discordant += inTree - atOrBelow;
            }
            double sameScore = deathsByRank.Values.Sum(c => c * (c - 1) / 2.0);
            tiedBoth += sameScore;
            tiedTime += deathsHere * (deathsHere - 1) / 2.0 - sameScore;

            for (int j = start; j < end; j++)
                if (events[order[j]]) { Add(tree, rank[order[j]]); inTree++; }
            end = start;
        }
        return new ConcordanceCounts(concordant, discordant, tiedRisk, tiedTime, tiedBoth);
    }

    private static void Add(long[] tree, int position)
    {
        for (; position < tree.Length; position += position & -position) tree[position]++;
    }

    private static long Prefix(long[] tree, int position)
    {
        long sum = 0;
        for (; position > 0; position -= position & -position) sum += tree[position];
        return sum;
    }
}

namespace CellTherapyCenter.Statistics.MixedModels;

/// <summary>One patient's ordinary least-squares line through its visits (R: coef(lm(outcome ~ time))).</summary>
public sealed record LeastSquaresSlope(int Visits, double Intercept, double Slope)
{
    /// <summary>
    /// The line through the visits, or null with fewer than two distinct times, where no slope
    /// exists (a single visit, or two on the same day): such a patient is reported, not guessed.
    /// </summary>
    public static LeastSquaresSlope? Fit(IReadOnlyList<double> time, IReadOnlyList<double> outcome)
    {
        if (time.Count != outcome.Count) throw new ArgumentException("Each visit needs a time and an outcome.");
        var n = time.Count;
        if (n < 2) return null;
        // Centred sums: the times are months since onset or diagnosis, so Σt² − n t̄² would lose digits.
        double meanT = time.Average(), meanY = outcome.Average(), stt = 0, sty = 0;
        for (var i = 0; i < n; i++)
        {
            var dt = time[i] - meanT;
            stt += dt * dt;
            sty += dt * (outcome[i] - meanY);
        }
        if (stt <= 0) return null;
        var slope = sty / stt;
        return new LeastSquaresSlope(n, meanY - slope * meanT, slope);
    }

    /// <summary>Each subject's line, keyed by subject, in order of first appearance; null where no slope exists.</summary>
    public static IReadOnlyDictionary<TSubject, LeastSquaresSlope?> PerSubject<TSubject>(IReadOnlyList<TSubject> subject, IReadOnlyList<double> time, IReadOnlyList<double> outcome)
        where TSubject : notnull
    {
        var rows = new Dictionary<TSubject, List<int>>();
        for (var i = 0; i < subject.Count; i++)
        {
            if (!rows.TryGetValue(subject[i], out var list)) rows[subject[i]] = list = [];
            list.Add(i);
        }
        return rows.ToDictionary(r => r.Key, r => Fit(r.Value.Select(i => time[i]).ToArray(), r.Value.Select(i => outcome[i]).ToArray()));
    }
}

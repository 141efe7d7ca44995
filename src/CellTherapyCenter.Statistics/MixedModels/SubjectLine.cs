namespace CellTherapyCenter.Statistics.MixedModels;

/// <summary>
/// One subject's own least-squares line (time centred on its mean: <see cref="SumOfSquaresT"/> is Σ(t − t̄)²), or its mean where all its times are equal (no slope),
/// with the residual sum of squares about it computed from the residuals themselves, so that data
/// exactly on a line give a residual sum of rounding size, not the difference of two large sums.
/// </summary>
internal readonly record struct SubjectLine(int Count, bool HasSlope, double MeanT, double MeanY, double Slope, double SumOfSquaresT, double ResidualSumOfSquares)
{
    /// <summary>The line's value at time 0 (the model's intercept); the mean where there is no slope.</summary>
    public double Intercept => MeanY - Slope * MeanT;

    public static SubjectLine[] PerSubject(int[] subjectIndex, int subjects, IReadOnlyList<double> time, IReadOnlyList<double> outcome)
    {
        var rows = new List<int>[subjects];
        for (var s = 0; s < subjects; s++) rows[s] = [];
        for (var i = 0; i < subjectIndex.Length; i++) rows[subjectIndex[i]].Add(i);
        var lines = new SubjectLine[subjects];
        for (var s = 0; s < subjects; s++)
        {
            var r = rows[s];
            double meanT = r.Average(i => time[i]), meanY = r.Average(i => outcome[i]), stt = 0, sty = 0;
            foreach (var i in r)
            {
                stt += (time[i] - meanT) * (time[i] - meanT);
                sty += (time[i] - meanT) * (outcome[i] - meanY);
            }
            var hasSlope = r.Any(i => time[i] != time[r[0]]);
            var slope = hasSlope ? sty / stt : 0;
            var rss = r.Sum(i => Math.Pow(outcome[i] - meanY - slope * (time[i] - meanT), 2));
            lines[s] = new SubjectLine(r.Count, hasSlope, meanT, meanY, slope, stt, rss);
        }
        return lines;
    }
}

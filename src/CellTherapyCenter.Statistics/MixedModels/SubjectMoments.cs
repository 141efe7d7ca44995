namespace CellTherapyCenter.Statistics.MixedModels;

/// <summary>
/// One subject's sums over its visits. In <c>y ~ t + (t | subject)</c> the random-effects design of
/// a subject equals its fixed-effects design [1, t], so every quantity the REML criterion needs is
/// a function of these six sums: after one pass over the data, each evaluation of the criterion
/// costs O(subjects), not O(observations), and no n×n matrix is ever formed.
/// </summary>
internal readonly record struct SubjectMoments(double Count, double SumT, double SumTT, double SumY, double SumTY, double SumYY)
{
    /// <summary>
    /// Sums per subject, in order of first appearance. The outcome is centred on <paramref name="centre"/>
    /// first: that only shifts the intercept, and keeps the sums of squares small so that the
    /// penalised residual sum of squares, a difference of such sums, loses fewer digits.
    /// </summary>
    public static SubjectMoments[] Accumulate(int[] subjectIndex, int subjects, IReadOnlyList<double> time, IReadOnlyList<double> outcome, double centre)
    {
        var moments = new SubjectMoments[subjects];
        for (var i = 0; i < subjectIndex.Length; i++)
        {
            double t = time[i], y = outcome[i] - centre;
            var m = moments[subjectIndex[i]];
            moments[subjectIndex[i]] = new SubjectMoments(m.Count + 1, m.SumT + t, m.SumTT + t * t, m.SumY + y, m.SumTY + t * y, m.SumYY + y * y);
        }
        return moments;
    }
}

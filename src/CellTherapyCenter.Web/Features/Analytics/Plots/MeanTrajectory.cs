using CellTherapyCenter.Statistics.Means;

namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>The mean ALSFRS-R trajectory of a cohort, month by month from the first course.</summary>
public static class MeanTrajectory
{
    /// <summary>
    /// Bins centred on multiples of <paramref name="binWidthMonths"/> (bin k holds months in
    /// [k·w − w/2, k·w + w/2)), so the visit at the first course falls in the bin at 0. Each patient
    /// counts once per bin, with the mean of their values there, so frequently assessed patients do
    /// not outweigh the others. Per bin: the mean over patients with a t-based 95% interval, as R's
    /// <c>t.test</c>; bins with fewer than <paramref name="minimumN"/> patients are left out.
    /// </summary>
    /// <param name="minimumN">At least 2: one patient has no interval.</param>
    public static IReadOnlyList<MeanPoint> ByMonth(IReadOnlyList<PatientTrajectory> patients, double binWidthMonths, int minimumN)
    {
        ArgumentNullException.ThrowIfNull(patients);
        if (!(binWidthMonths > 0) || double.IsInfinity(binWidthMonths))
            throw new ArgumentOutOfRangeException(nameof(binWidthMonths), "The bin width must be a positive number of months.");
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumN, 2);

        var patientMeansByBin = new SortedDictionary<long, List<double>>();
        foreach (var patient in patients)
        {
            foreach (var bin in TrajectoryPoints.Of(patient).GroupBy(p => (long)Math.Floor(p.Month / binWidthMonths + 0.5)))
            {
                if (!patientMeansByBin.TryGetValue(bin.Key, out var means)) patientMeansByBin[bin.Key] = means = [];
                means.Add(bin.Average(p => p.Total));
            }
        }

        var points = new List<MeanPoint>();
        foreach (var (bin, values) in patientMeansByBin)
        {
            if (values.Count < minimumN) continue;
            var interval = MeanInterval.Of(values);
            points.Add(new MeanPoint(bin * binWidthMonths, interval.Mean, interval.Lower, interval.Upper, values.Count));
        }
        return points;
    }
}

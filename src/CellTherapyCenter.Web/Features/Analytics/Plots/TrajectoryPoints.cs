namespace CellTherapyCenter.Web.Features.Analytics.Plots;

/// <summary>A patient's (month, total) pairs, checked once for every consumer.</summary>
internal static class TrajectoryPoints
{
    /// <summary>The pairs in order of month.</summary>
    /// <exception cref="ArgumentException">Months and totals differ in count, or a value is not a finite number.</exception>
    public static IEnumerable<(double Month, double Total)> Of(PatientTrajectory patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        if (patient.Months.Count != patient.Total.Count)
            throw new ArgumentException("A trajectory needs one total per month.", nameof(patient));
        var pairs = patient.Months.Zip(patient.Total).ToList();
        if (pairs.Any(p => !double.IsFinite(p.First) || !double.IsFinite(p.Second)))
            throw new ArgumentException("A trajectory's months and totals must be finite numbers.", nameof(patient));
        return pairs.OrderBy(p => p.First);
    }
}

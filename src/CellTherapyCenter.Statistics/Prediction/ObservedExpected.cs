using MathNet.Numerics.Distributions;

namespace CellTherapyCenter.Statistics.Prediction;

/// <summary>One patient's follow-up for an observed/expected comparison, in months since symptom onset.</summary>
/// <param name="EntryMonths">When observation began (diagnosis or first treatment): the patient was event-free then.</param>
/// <param name="ExitMonths">The event or the end of follow-up.</param>
/// <param name="Event">Whether the ENCALS composite (death, tracheostomy, NIV over 23 h/day) occurred at <paramref name="ExitMonths"/>.</param>
public sealed record FollowUp(EncalsPredictors Predictors, double EntryMonths, double ExitMonths, bool Event);

/// <summary>
/// Observed against ENCALS-expected events: E = Σ (ln S(entry) − ln S(exit)), each predictable
/// patient's cumulative hazard over their own follow-up (the person-time method of SMRs), O their
/// observed events. The interval for O/E is the exact (Garwood) Poisson
/// interval for O with E taken as fixed, as R's poisson.test(O, E)$conf.int:
/// lower = χ²(α/2; 2O)/(2E), upper = χ²(1 − α/2; 2O + 2)/(2E). It is conservative for small O,
/// which is where this registry will be; Byar's approximation would be narrower but not exact.
/// Patients without a prediction are excluded and counted by reason, never imputed.
/// </summary>
public sealed record ObservedExpected(int Included, int Observed, double Expected, double Ratio, double Lower, double Upper,
    IReadOnlyDictionary<string, int> Exclusions)
{
    public int Excluded => Exclusions.Values.Sum();

    public static ObservedExpected Compute(IEnumerable<FollowUp> patients, double level = 0.95)
    {
        var exclusions = new Dictionary<string, int>();
        int included = 0, observed = 0;
        double expected = 0;
        foreach (var patient in patients)
        {
            var prediction = EncalsPrediction.For(patient.Predictors);
            if (!prediction.IsPredictable)
            {
                exclusions[prediction.NotPredictableReason!] = exclusions.GetValueOrDefault(prediction.NotPredictableReason!) + 1;
                continue;
            }
            included++;
            expected += prediction.ExpectedEvents(patient.EntryMonths, patient.ExitMonths);
            if (patient.Event) observed++;
        }
        var (lower, upper) = PoissonRatioInterval(observed, expected, level);
        return new ObservedExpected(included, observed, expected, observed / expected, lower, upper, exclusions);
    }

    /// <summary>Exact Poisson interval for the rate O/E (R: poisson.test(observed, expected, conf.level = level)$conf.int).</summary>
    public static (double Lower, double Upper) PoissonRatioInterval(int observed, double expected, double level = 0.95)
    {
        if (observed < 0) throw new ArgumentOutOfRangeException(nameof(observed));
        if (!(expected > 0)) return (double.NaN, double.NaN);
        var alpha = 1 - level;
        var lower = observed == 0 ? 0 : ChiSquared.InvCDF(2 * observed, alpha / 2) / 2 / expected;
        var upper = ChiSquared.InvCDF(2 * observed + 2, 1 - alpha / 2) / 2 / expected;
        return (lower, upper);
    }
}

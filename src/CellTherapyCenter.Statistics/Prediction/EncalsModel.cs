namespace CellTherapyCenter.Statistics.Prediction;

/// <summary>
/// The ENCALS survival prediction model (Westeneng et al., Lancet Neurol 2018;17:423-433): a
/// Royston-Parmar flexible parametric model on the proportional-odds scale,
/// S(t) = 1 / (1 + exp(s(ln t) + LP)), t in months since symptom onset, for the composite of
/// death, tracheostomy or non-invasive ventilation over 23 hours a day.
/// <para>
/// Source of the numbers: the transformations, coefficients, spline coefficients and knots are
/// those of the project's domain note on ENCALS (encals.md), taken from a public R
/// implementation of the model, not from the paper's own supplement; they have not yet been
/// checked against the supplement. That implementation does not cube the upper-boundary term of
/// the spline basis; here the standard Royston-Parmar basis is used (see <see cref="Spline"/>).
/// </para>
/// <para>
/// Time origin: the knots (ln t from 0.081 to 5.917, i.e. 1.1 to 371 months) and the check that
/// a typical patient's median lies in 30-45 months fit time since onset; measured from diagnosis
/// the same patient's median from onset would be ~48 months (see the tests).
/// </para>
/// </summary>
public static class EncalsModel
{
    // Linear predictor coefficients, in encals.md's order.
    public const double AgeCoefficient = -0.267;
    public const double DelayCoefficient = -2.373;
    public const double DeltaFrsCoefficient = -1.837;
    public const double FvcCoefficient = 0.477;
    public const double BulbarCoefficient = 0.269;
    public const double DefiniteCoefficient = 0.233;
    public const double FtdCoefficient = 0.388;
    public const double C9orf72Coefficient = 0.256;

    // Spline coefficients and knots on ln(months since onset).
    private const double Gamma0 = -6.409, Gamma1 = 2.643, Gamma2 = -0.546, Gamma3 = 0.585;
    private const double KnotMin = 0.081, Knot1 = 3.108, Knot2 = 3.638, KnotMax = 5.917;

    /// <summary>
    /// The linear predictor from complete predictors (see <see cref="EncalsPrediction.For"/> for
    /// the checks). Transformations as encals.md: (age/100)^−2; (delay/10)^−0.5 + ln(delay/10);
    /// (ΔFRS + 0.1)^−0.5; (FVC/100)^−1 + (FVC/100)^−0.5.
    /// </summary>
    public static double LinearPredictor(double ageYears, double delayMonths, double deltaFrs, double fvcPercent,
        bool bulbar, bool definite, bool ftd, bool c9orf72)
    {
        var age = Math.Pow(ageYears / 100, -2);
        var delay = Math.Pow(delayMonths / 10, -0.5) + Math.Log(delayMonths / 10);
        var progression = Math.Pow(deltaFrs + 0.1, -0.5);
        var fvc = Math.Pow(fvcPercent / 100, -1) + Math.Pow(fvcPercent / 100, -0.5);
        return AgeCoefficient * age + DelayCoefficient * delay + DeltaFrsCoefficient * progression + FvcCoefficient * fvc
            + (bulbar ? BulbarCoefficient : 0) + (definite ? DefiniteCoefficient : 0) + (ftd ? FtdCoefficient : 0) + (c9orf72 ? C9orf72Coefficient : 0);
    }

    /// <summary>
    /// s(x) = γ0 + γ1 x + γ2 v1(x) + γ3 v2(x), with the Royston-Parmar restricted cubic basis
    /// v_j(x) = (x − k_j)³₊ − λ_j (x − k_min)³₊ − (1 − λ_j)(x − k_max)³₊, λ_j = (k_max − k_j)/(k_max − k_min),
    /// which is linear beyond both boundary knots.
    /// </summary>
    public static double Spline(double lnT) =>
        Gamma0 + Gamma1 * lnT + Gamma2 * Basis(lnT, Knot1) + Gamma3 * Basis(lnT, Knot2);

    private static double Basis(double x, double knot)
    {
        var lambda = (KnotMax - knot) / (KnotMax - KnotMin);
        return Cube(x - knot) - lambda * Cube(x - KnotMin) - (1 - lambda) * Cube(x - KnotMax);
    }

    private static double Cube(double d) => d > 0 ? d * d * d : 0;

    /// <summary>Predicted probability of being free of the composite outcome <paramref name="monthsSinceOnset"/> after onset.</summary>
    public static double Survival(double monthsSinceOnset, double linearPredictor)
    {
        if (monthsSinceOnset < 0) throw new ArgumentOutOfRangeException(nameof(monthsSinceOnset));
        if (monthsSinceOnset == 0) return 1;
        return 1 / (1 + Math.Exp(Spline(Math.Log(monthsSinceOnset)) + linearPredictor));
    }

    /// <summary>
    /// The odds of the event by <paramref name="monthsSinceOnset"/> for a linear predictor of 0,
    /// exp(s(ln t)). The model is proportional odds: a patient's odds are these times exp(LP), so
    /// S(t) = 1 / (1 + BaselineOdds(t) · exp(LP)). Curves over many patients who share a time
    /// grid compute these once instead of a logarithm and an exponential per patient and time.
    /// </summary>
    public static double BaselineOdds(double monthsSinceOnset)
    {
        if (monthsSinceOnset < 0) throw new ArgumentOutOfRangeException(nameof(monthsSinceOnset));
        return monthsSinceOnset == 0 ? 0 : Math.Exp(Spline(Math.Log(monthsSinceOnset)));
    }

    /// <summary>
    /// Months from onset at which S = 1/2, i.e. where s(ln t) = −LP. The spline with these
    /// coefficients is increasing in ln t, so the root is unique; bisection on ln t.
    /// </summary>
    public static double MedianMonthsFromOnset(double linearPredictor)
    {
        double lo = -10, hi = 10;
        if (Spline(lo) + linearPredictor > 0 || Spline(hi) + linearPredictor < 0) return double.NaN;
        for (var i = 0; i < 200 && hi - lo > 1e-13; i++)
        {
            var mid = (lo + hi) / 2;
            if (Spline(mid) + linearPredictor < 0) lo = mid; else hi = mid;
        }
        return Math.Exp((lo + hi) / 2);
    }
}

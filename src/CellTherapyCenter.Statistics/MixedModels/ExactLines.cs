namespace CellTherapyCenter.Statistics.MixedModels;

/// <summary>
/// The REML fit on the boundary σ = 0, for data without residual noise. As σ → 0 the criterion
/// is −(n − Σ rᵢ) log σ² plus the REML criterion of the subjects' exact data (rᵢ the rank of a
/// subject's design: 2 with two or more distinct times, else 1), so the optimum is σ = 0 with D,
/// the random effects' covariance, minimising the latter: a subject with a slope contributes its
/// line cᵢ ~ N(β, D), one without its mean ȳᵢ ~ N(xᵢ'β, xᵢ'Dxᵢ) at its time (xᵢ = (1, tᵢ)).
/// When every subject has a slope this is the multivariate normal's REML estimate: β the mean of
/// the lines, D their covariance (divisor m − 1), vcov(β) = D / m.
/// </summary>
internal static class ExactLines
{
    /// <summary>
    /// Residuals this small relative to the outcome's spread (a residual SD below 1e-12 of the
    /// outcome's SD) are rounding, not noise: the numbers were written from exact lines, whose
    /// rounding leaves some 1e-15. Above it the usual fit over θ is accurate (it is tested down to 1e-10).
    /// </summary>
    private const double RelativeResidualSumOfSquares = 1e-24;

    public static bool Apply(SubjectLine[] lines, IReadOnlyList<double> outcome, double centre)
    {
        var total = outcome.Sum(y => (y - centre) * (y - centre));
        return lines.Sum(l => l.ResidualSumOfSquares) <= RelativeResidualSumOfSquares * total;
    }

    public static RandomSlopeFit Fit(int n, SubjectLine[] lines, string timeName)
    {
        var withSlope = lines.Where(l => l.HasSlope).ToArray();
        var without = lines.Where(l => !l.HasSlope).ToArray();
        // Centred on the mean line, so the sums below hold deviations, not levels.
        double c0 = withSlope.Average(l => l.Intercept), c1 = withSlope.Average(l => l.Slope);
        double s00 = 0, s01 = 0, s11 = 0;
        foreach (var l in withSlope)
        {
            s00 += (l.Intercept - c0) * (l.Intercept - c0);
            s01 += (l.Intercept - c0) * (l.Slope - c1);
            s11 += (l.Slope - c1) * (l.Slope - c1);
        }
        var m = withSlope.Length;
        double d00 = s00 / (m - 1), d01 = s01 / (m - 1), d11 = s11 / (m - 1);
        var evaluations = 0;
        Profile profile;
        if (without.Length == 0)
            profile = new Profile(0, 0, d00 / m, d11 / m);
        else
        {
            var criterion = new Criterion(withSlope, without, c0, c1);
            // From the covariance of the lines (a flat start where they are collinear).
            var a = Math.Sqrt(d00);
            double b = a > 0 ? d01 / a : 0, c = Math.Sqrt(Math.Max(d11 - b * b, 1e-6 * d11));
            var lambda = ThetaOptimizer.Minimise(criterion.Value, [a, b, c]);
            (d00, d01, d11) = (lambda[0] * lambda[0], lambda[0] * lambda[1], lambda[1] * lambda[1] + lambda[2] * lambda[2]);
            profile = criterion.Evaluate(d00, d01, d11);
            evaluations = criterion.Evaluations;
        }

        double interceptSd = Math.Sqrt(d00), slopeSd = Math.Sqrt(d11);
        var correlation = d01 / (interceptSd * slopeSd);
        // lme4's rule on the relative covariance factor, scaled by the SDs as σ is 0: θ1/SD = 1 unless the SD is 0, θ3/SD = √(1 − ρ²).
        var singular = interceptSd == 0 || slopeSd == 0 || Math.Sqrt(Math.Max(0, 1 - correlation * correlation)) < RandomSlopeModel.SingularTolerance;
        var l1 = interceptSd;
        double l2 = l1 > 0 ? d01 / l1 : 0, l3 = Math.Sqrt(Math.Max(0, d11 - l2 * l2));
        return new RandomSlopeFit(
            N: n,
            Subjects: lines.Length,
            Intercept: new FixedEffect("(Intercept)", c0 + profile.Beta0, Math.Sqrt(profile.Variance00)),
            Slope: new FixedEffect(timeName, c1 + profile.Beta1, Math.Sqrt(profile.Variance11)),
            InterceptSd: interceptSd,
            SlopeSd: slopeSd,
            Correlation: correlation,
            ResidualSd: 0,
            RemlCriterion: double.NegativeInfinity,
            Theta: [Infinite(l1), Infinite(l2), Infinite(l3)],
            Evaluations: evaluations)
        {
            IsSingular = singular,
            Warnings = singular ? [RandomSlopeModel.NoNoiseWarning, RandomSlopeModel.SingularWarning] : [RandomSlopeModel.NoNoiseWarning],
        };
    }

    /// <summary>θ = Λ/σ at σ = 0: infinite where Λ is not zero.</summary>
    private static double Infinite(double lambda) => lambda == 0 ? 0 : lambda * double.PositiveInfinity;

    /// <summary>β (relative to the mean line) and its variances.</summary>
    private readonly record struct Profile(double Beta0, double Beta1, double Variance00, double Variance11);

    /// <summary>The REML criterion of the exact data at D = ΛΛ', with β profiled out; subjects without a slope make it need a search.</summary>
    private sealed class Criterion(SubjectLine[] withSlope, SubjectLine[] without, double c0, double c1)
    {
        public int Evaluations { get; private set; }

        public double Value(double[] lambda)
        {
            double a = lambda[0], b = lambda[1], c = lambda[2];
            Evaluate(a * a, a * b, b * b + c * c, out var criterion);
            return double.IsNaN(criterion) ? double.PositiveInfinity : criterion;
        }

        public Profile Evaluate(double d00, double d01, double d11) => Evaluate(d00, d01, d11, out _);

        private Profile Evaluate(double d00, double d01, double d11, out double criterion)
        {
            Evaluations++;
            var detD = d00 * d11 - d01 * d01;
            // D⁻¹, and W = Σ X̃ᵢ'Vᵢ⁻¹X̃ᵢ with r = Σ X̃ᵢ'Vᵢ⁻¹zᵢ (z relative to the mean line).
            double i00 = d11 / detD, i01 = -d01 / detD, i11 = d00 / detD;
            double m = withSlope.Length, e0 = 0, e1 = 0;
            foreach (var l in withSlope) { e0 += l.Intercept - c0; e1 += l.Slope - c1; }
            double w00 = m * i00, w01 = m * i01, w11 = m * i11;
            double r0 = i00 * e0 + i01 * e1, r1 = i01 * e0 + i11 * e1;
            var logDet = m * Math.Log(detD);
            foreach (var l in without)
            {
                double t = l.MeanT, v = d00 + 2 * t * d01 + t * t * d11, z = l.MeanY - c0 - c1 * t;
                w00 += 1 / v; w01 += t / v; w11 += t * t / v;
                r0 += z / v; r1 += t * z / v;
                logDet += Math.Log(v);
            }
            var detW = w00 * w11 - w01 * w01;
            double beta0 = (w11 * r0 - w01 * r1) / detW, beta1 = (w00 * r1 - w01 * r0) / detW;
            var quadratic = 0.0;
            foreach (var l in withSlope)
            {
                double u0 = l.Intercept - c0 - beta0, u1 = l.Slope - c1 - beta1;
                quadratic += i00 * u0 * u0 + 2 * i01 * u0 * u1 + i11 * u1 * u1;
            }
            foreach (var l in without)
            {
                double t = l.MeanT, v = d00 + 2 * t * d01 + t * t * d11, u = l.MeanY - c0 - c1 * t - beta0 - beta1 * t;
                quadratic += u * u / v;
            }
            var dimensions = 2 * m + without.Length - 2;
            criterion = detD <= 0 ? double.NaN : logDet + Math.Log(detW) + quadratic + dimensions * Math.Log(2 * Math.PI);
            return new Profile(beta0, beta1, w11 / detW, w00 / detW);
        }
    }
}

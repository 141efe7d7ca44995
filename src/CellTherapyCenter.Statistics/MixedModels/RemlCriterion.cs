namespace CellTherapyCenter.Statistics.MixedModels;

/// <summary>
/// lme4's profiled REML criterion for <c>y ~ t + (t | subject)</c> at a relative covariance factor
/// Λ = [[θ1, 0], [θ2, θ3]] (random effects b = σ Λ u, u ~ N(0, I)), with β and σ profiled out:
/// <c>log|L|² + log|R_X|² + (n − p)(1 + log(2π r² / (n − p)))</c>, as lme4's <c>REMLcrit</c>.
/// Per subject i, L_i is the Cholesky factor of Λ'X_i'X_iΛ + I (2×2), and R_X'R_X is the Schur
/// complement X'X − Σ R_ZX,i' R_ZX,i; r² is the penalised residual sum of squares.
/// </summary>
internal sealed class RemlCriterion(SubjectMoments[] subjects)
{
    private const int FixedEffects = 2;
    private readonly double _n = subjects.Sum(s => s.Count);

    public int Evaluations { get; private set; }

    public double ResidualDegreesOfFreedom => _n - FixedEffects;

    /// <summary>The criterion for the optimiser: a NaN (from arithmetic overflow far from the optimum) counts as +∞, so it is never chosen.</summary>
    public double Value(ReadOnlySpan<double> theta) => Evaluate(theta).Criterion is var c && double.IsNaN(c) ? double.PositiveInfinity : c;

    /// <summary>The criterion with the profiled estimates that go with it.</summary>
    public Profile Evaluate(ReadOnlySpan<double> theta)
    {
        Evaluations++;
        double a = theta[0], b = theta[1], c = theta[2];
        double logDetL = 0, yy = 0, cuu = 0;
        // Schur complement S = X'X − Σ R_ZX'R_ZX (symmetric: s00, s01, s11) and r = X'y − Σ R_ZX'c_u.
        double s00 = 0, s01 = 0, s11 = 0, r0 = 0, r1 = 0;
        foreach (var m in subjects)
        {
            // M = X_i'X_i = [[n, Σt], [Σt, Σt²]]; Λ'M rows: (a n + b Σt, a Σt + b Σt²), (c Σt, c Σt²).
            double lm00 = a * m.Count + b * m.SumT, lm01 = a * m.SumT + b * m.SumTT;
            double lm10 = c * m.SumT, lm11 = c * m.SumTT;
            // A = Λ'MΛ + I, then its Cholesky factor L (lower triangular).
            double a00 = lm00 * a + lm01 * b + 1, a01 = lm01 * c, a11 = lm11 * c + 1;
            var l00 = Math.Sqrt(a00);
            var l10 = a01 / l00;
            var l11 = Math.Sqrt(a11 - l10 * l10);
            logDetL += 2 * (Math.Log(l00) + Math.Log(l11));
            // R_ZX = L⁻¹Λ'M and c_u = L⁻¹Λ'X'y, by forward substitution.
            double z00 = lm00 / l00, z01 = lm01 / l00;
            double z10 = (lm10 - l10 * z00) / l11, z11 = (lm11 - l10 * z01) / l11;
            double ly0 = a * m.SumY + b * m.SumTY, ly1 = c * m.SumTY;
            var cu0 = ly0 / l00;
            var cu1 = (ly1 - l10 * cu0) / l11;
            s00 += m.Count - z00 * z00 - z10 * z10;
            s01 += m.SumT - z00 * z01 - z10 * z11;
            s11 += m.SumTT - z01 * z01 - z11 * z11;
            r0 += m.SumY - z00 * cu0 - z10 * cu1;
            r1 += m.SumTY - z01 * cu0 - z11 * cu1;
            yy += m.SumYY;
            cuu += cu0 * cu0 + cu1 * cu1;
        }
        var det = s00 * s11 - s01 * s01;
        double beta0 = (s11 * r0 - s01 * r1) / det, beta1 = (s00 * r1 - s01 * r0) / det;
        // r² = y'y − ‖c_u‖² − ‖c_β‖², where ‖c_β‖² = r'S⁻¹r = β'r.
        var pwrss = yy - cuu - (beta0 * r0 + beta1 * r1);
        var nmp = ResidualDegreesOfFreedom;
        var criterion = logDetL + Math.Log(det) + nmp * (1 + Math.Log(2 * Math.PI * pwrss / nmp));
        return new Profile(criterion, beta0, beta1, pwrss / nmp, s11 / det, -s01 / det, s00 / det);
    }

    /// <summary>β, σ² = r²/(n − p), and S⁻¹ (so that vcov(β) = σ² S⁻¹, as lme4's vcov).</summary>
    public readonly record struct Profile(double Criterion, double Beta0, double Beta1, double Sigma2, double Inverse00, double Inverse01, double Inverse11);
}

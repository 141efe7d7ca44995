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
    /// <remarks>
    /// Evaluated some 250 times per fit over tens of thousands of subjects, so the per-subject
    /// work is kept to one division and a product: with A = Λ'MΛ + I, the sums lme4 forms from the
    /// Cholesky factor L of A are R_ZX'R_ZX = P'A⁻¹P, R_ZX'c_u = P'A⁻¹q and c_u'c_u = q'A⁻¹q
    /// (P = Λ'M, q = Λ'X'y), and log|L|² = log det A. A is the identity plus a positive
    /// semi-definite matrix, so det A ≥ 1 and its 2×2 inverse is well conditioned; the
    /// determinants are multiplied and their product's logarithm taken now and then, not one
    /// logarithm per subject.
    /// </remarks>
    public Profile Evaluate(ReadOnlySpan<double> theta)
    {
        Evaluations++;
        double a = theta[0], b = theta[1], c = theta[2];
        double logDetL = 0, determinants = 1, yy = 0, cuu = 0;
        // Schur complement S = X'X − Σ R_ZX'R_ZX (symmetric: s00, s01, s11) and r = X'y − Σ R_ZX'c_u.
        double s00 = 0, s01 = 0, s11 = 0, r0 = 0, r1 = 0;
        foreach (var m in subjects)
        {
            // M = X_i'X_i = [[n, Σt], [Σt, Σt²]]; P = Λ'M rows: (a n + b Σt, a Σt + b Σt²), (c Σt, c Σt²).
            double p00 = a * m.Count + b * m.SumT, p01 = a * m.SumT + b * m.SumTT;
            double p10 = c * m.SumT, p11 = c * m.SumTT;
            // A = PΛ + I (symmetric) and q = Λ'X'y.
            double a00 = p00 * a + p01 * b + 1, a01 = p01 * c, a11 = p11 * c + 1;
            double q0 = a * m.SumY + b * m.SumTY, q1 = c * m.SumTY;
            var detA = a00 * a11 - a01 * a01;
            if (detA > 1e50) logDetL += Math.Log(detA);
            else if ((determinants *= detA) > 1e250)
            {
                logDetL += Math.Log(determinants);
                determinants = 1;
            }
            var inverse = 1 / detA;
            // B = A⁻¹P and v = A⁻¹q, by the adjugate of A.
            double b00 = inverse * (a11 * p00 - a01 * p10), b01 = inverse * (a11 * p01 - a01 * p11);
            double b10 = inverse * (a00 * p10 - a01 * p00), b11 = inverse * (a00 * p11 - a01 * p01);
            double v0 = inverse * (a11 * q0 - a01 * q1), v1 = inverse * (a00 * q1 - a01 * q0);
            s00 += m.Count - (p00 * b00 + p10 * b10);
            s01 += m.SumT - (p00 * b01 + p10 * b11);
            s11 += m.SumTT - (p01 * b01 + p11 * b11);
            r0 += m.SumY - (p00 * v0 + p10 * v1);
            r1 += m.SumTY - (p01 * v0 + p11 * v1);
            yy += m.SumYY;
            cuu += q0 * v0 + q1 * v1;
        }
        logDetL += Math.Log(determinants);
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

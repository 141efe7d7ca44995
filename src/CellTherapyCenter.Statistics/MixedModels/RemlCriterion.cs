using System.Runtime.Intrinsics;

namespace CellTherapyCenter.Statistics.MixedModels;

/// <summary>
/// lme4's profiled REML criterion for <c>y ~ t + (t | subject)</c> at a relative covariance factor
/// Λ = [[θ1, 0], [θ2, θ3]] (random effects b = σ Λ u, u ~ N(0, I)), with β and σ profiled out:
/// <c>log|L|² + log|R_X|² + (n − p)(1 + log(2π r² / (n − p)))</c>, as lme4's <c>REMLcrit</c>.
/// Per subject i, L_i is the Cholesky factor of Λ'X_i'X_iΛ + I (2×2), and R_X'R_X is the Schur
/// complement X'X − Σ R_ZX,i' R_ZX,i; r² is the penalised residual sum of squares.
/// </summary>
internal sealed class RemlCriterion
{
    private const int FixedEffects = 2;
    // The subjects' sums, one array per sum (so that four subjects are worked on at once), and the
    // totals of the parts of the criterion that do not depend on θ.
    private readonly double[] _count, _sumT, _sumTT, _sumY, _sumTY;
    private readonly double _n, _totalT, _totalTT, _totalY, _totalTY, _totalYY;

    public RemlCriterion(SubjectMoments[] subjects)
    {
        _count = subjects.Select(s => s.Count).ToArray();
        _sumT = subjects.Select(s => s.SumT).ToArray();
        _sumTT = subjects.Select(s => s.SumTT).ToArray();
        _sumY = subjects.Select(s => s.SumY).ToArray();
        _sumTY = subjects.Select(s => s.SumTY).ToArray();
        _n = _count.Sum();
        _totalT = _sumT.Sum();
        _totalTT = _sumTT.Sum();
        _totalY = _sumY.Sum();
        _totalTY = _sumTY.Sum();
        _totalYY = subjects.Sum(s => s.SumYY);
    }

    public int Evaluations { get; private set; }

    public double ResidualDegreesOfFreedom => _n - FixedEffects;

    /// <summary>The criterion for the optimiser: a NaN (from arithmetic overflow far from the optimum) counts as +∞, so it is never chosen.</summary>
    public double Value(ReadOnlySpan<double> theta) => Evaluate(theta).Criterion is var c && double.IsNaN(c) ? double.PositiveInfinity : c;

    /// <summary>The criterion with the profiled estimates that go with it.</summary>
    /// <remarks>
    /// Evaluated some 200 times per fit over tens of thousands of subjects, so the per-subject
    /// work is kept to one division and a product: with A = Λ'MΛ + I, the sums lme4 forms from the
    /// Cholesky factor L of A are R_ZX'R_ZX = P'A⁻¹P, R_ZX'c_u = P'A⁻¹q and c_u'c_u = q'A⁻¹q
    /// (P = Λ'M, q = Λ'X'y), and log|L|² = log det A. A is the identity plus a positive
    /// semi-definite matrix, so det A ≥ 1 and its 2×2 inverse is well conditioned; the
    /// determinants are multiplied and their product's logarithm taken now and then, not one
    /// logarithm per subject. Four subjects at a time where the processor has vector arithmetic.
    /// </remarks>
    public Profile Evaluate(ReadOnlySpan<double> theta)
    {
        Evaluations++;
        double a = theta[0], b = theta[1], c = theta[2];
        var sums = new Sums();
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
            i = AddVectors(a, b, c, ref sums);
        for (; i < _count.Length; i++)
            AddSubject(a, b, c, i, ref sums);
        var logDetL = sums.LogDet + Math.Log(sums.Determinants);

        // Schur complement S = X'X − Σ R_ZX'R_ZX (symmetric: s00, s01, s11) and r = X'y − Σ R_ZX'c_u.
        double s00 = _n - sums.S00, s01 = _totalT - sums.S01, s11 = _totalTT - sums.S11;
        double r0 = _totalY - sums.R0, r1 = _totalTY - sums.R1;
        var det = s00 * s11 - s01 * s01;
        double beta0 = (s11 * r0 - s01 * r1) / det, beta1 = (s00 * r1 - s01 * r0) / det;
        // r² = y'y − ‖c_u‖² − ‖c_β‖², where ‖c_β‖² = r'S⁻¹r = β'r.
        var pwrss = _totalYY - sums.Cuu - (beta0 * r0 + beta1 * r1);
        var nmp = ResidualDegreesOfFreedom;
        var criterion = logDetL + Math.Log(det) + nmp * (1 + Math.Log(2 * Math.PI * pwrss / nmp));
        return new Profile(criterion, beta0, beta1, pwrss / nmp, s11 / det, -s01 / det, s00 / det);
    }

    /// <summary>The θ-dependent sums over subjects: Σ R_ZX'R_ZX, Σ R_ZX'c_u, ‖c_u‖², and log det A as a logarithm plus a pending product.</summary>
    private struct Sums
    {
        public double S00, S01, S11, R0, R1, Cuu, LogDet;
        public double Determinants;

        public Sums() => Determinants = 1;

        public void AddDeterminant(double detA)
        {
            if (detA > 1e50) LogDet += Math.Log(detA);
            else if ((Determinants *= detA) > 1e250)
            {
                LogDet += Math.Log(Determinants);
                Determinants = 1;
            }
        }
    }

    private void AddSubject(double a, double b, double c, int i, ref Sums sums)
    {
        double n = _count[i], t = _sumT[i], tt = _sumTT[i], y = _sumY[i], ty = _sumTY[i];
        // M = X_i'X_i = [[n, Σt], [Σt, Σt²]]; P = Λ'M rows: (a n + b Σt, a Σt + b Σt²), (c Σt, c Σt²).
        double p00 = a * n + b * t, p01 = a * t + b * tt, p10 = c * t, p11 = c * tt;
        // A = PΛ + I (symmetric) and q = Λ'X'y.
        double a00 = p00 * a + p01 * b + 1, a01 = p01 * c, a11 = p11 * c + 1;
        double q0 = a * y + b * ty, q1 = c * ty;
        var detA = a00 * a11 - a01 * a01;
        sums.AddDeterminant(detA);
        var inverse = 1 / detA;
        // B = A⁻¹P and v = A⁻¹q, by the adjugate of A.
        double b00 = inverse * (a11 * p00 - a01 * p10), b01 = inverse * (a11 * p01 - a01 * p11);
        double b10 = inverse * (a00 * p10 - a01 * p00), b11 = inverse * (a00 * p11 - a01 * p01);
        double v0 = inverse * (a11 * q0 - a01 * q1), v1 = inverse * (a00 * q1 - a01 * q0);
        sums.S00 += p00 * b00 + p10 * b10;
        sums.S01 += p00 * b01 + p10 * b11;
        sums.S11 += p01 * b01 + p11 * b11;
        sums.R0 += p00 * v0 + p10 * v1;
        sums.R1 += p01 * v0 + p11 * v1;
        sums.Cuu += q0 * v0 + q1 * v1;
    }

    /// <summary>The same as <see cref="AddSubject"/>, four subjects at a time; returns the first subject left for the scalar loop.</summary>
    private int AddVectors(double a, double b, double c, ref Sums sums)
    {
        var width = Vector256<double>.Count;
        Vector256<double> va = Vector256.Create(a), vb = Vector256.Create(b), vc = Vector256.Create(c), one = Vector256<double>.One;
        Vector256<double> s00 = default, s01 = default, s11 = default, r0 = default, r1 = default, cuu = default;
        var determinants = one;
        var large = Vector256.Create(1e50);
        var flush = Vector256.Create(1e250);
        var i = 0;
        for (; i + width <= _count.Length; i += width)
        {
            var n = Vector256.Create(_count.AsSpan(i, width));
            var t = Vector256.Create(_sumT.AsSpan(i, width));
            var tt = Vector256.Create(_sumTT.AsSpan(i, width));
            var y = Vector256.Create(_sumY.AsSpan(i, width));
            var ty = Vector256.Create(_sumTY.AsSpan(i, width));
            var p00 = va * n + vb * t;
            var p01 = va * t + vb * tt;
            var p10 = vc * t;
            var p11 = vc * tt;
            var a00 = p00 * va + p01 * vb + one;
            var a01 = p01 * vc;
            var a11 = p11 * vc + one;
            var q0 = va * y + vb * ty;
            var q1 = vc * ty;
            var detA = a00 * a11 - a01 * a01;
            if (Vector256.GreaterThanAny(detA, large))
            {
                // Far from the optimum: this block's determinants go through the scalar guard.
                for (var k = 0; k < width; k++) sums.AddDeterminant(detA[k]);
            }
            else
            {
                determinants *= detA;
                if (Vector256.GreaterThanAny(determinants, flush))
                {
                    for (var k = 0; k < width; k++) sums.LogDet += Math.Log(determinants[k]);
                    determinants = one;
                }
            }
            var inverse = one / detA;
            var b00 = inverse * (a11 * p00 - a01 * p10);
            var b01 = inverse * (a11 * p01 - a01 * p11);
            var b10 = inverse * (a00 * p10 - a01 * p00);
            var b11 = inverse * (a00 * p11 - a01 * p01);
            var v0 = inverse * (a11 * q0 - a01 * q1);
            var v1 = inverse * (a00 * q1 - a01 * q0);
            s00 += p00 * b00 + p10 * b10;
            s01 += p00 * b01 + p10 * b11;
            s11 += p01 * b01 + p11 * b11;
            r0 += p00 * v0 + p10 * v1;
            r1 += p01 * v0 + p11 * v1;
            cuu += q0 * v0 + q1 * v1;
        }
        sums.S00 += Vector256.Sum(s00);
        sums.S01 += Vector256.Sum(s01);
        sums.S11 += Vector256.Sum(s11);
        sums.R0 += Vector256.Sum(r0);
        sums.R1 += Vector256.Sum(r1);
        sums.Cuu += Vector256.Sum(cuu);
        for (var k = 0; k < width; k++) sums.LogDet += Math.Log(determinants[k]);
        return i;
    }

    /// <summary>β, σ² = r²/(n − p), and S⁻¹ (so that vcov(β) = σ² S⁻¹, as lme4's vcov).</summary>
    public readonly record struct Profile(double Criterion, double Beta0, double Beta1, double Sigma2, double Inverse00, double Inverse01, double Inverse11);
}

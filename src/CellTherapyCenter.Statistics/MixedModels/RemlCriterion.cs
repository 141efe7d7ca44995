using System.Runtime.Intrinsics;

namespace CellTherapyCenter.Statistics.MixedModels;

/// <summary>
/// lme4's profiled REML criterion for <c>y ~ t + (t | subject)</c> at a relative covariance factor
/// Λ = [[θ1, 0], [θ2, θ3]] (random effects b = σ Λ u, u ~ N(0, I)), with β and σ profiled out:
/// <c>log|L|² + log|R_X|² + (n − p)(1 + log(2π r² / (n − p)))</c>, as lme4's <c>REMLcrit</c>.
/// Per subject i, L_i is the Cholesky factor of Λ'X_i'X_iΛ + I (2×2), and R_X'R_X is the Schur
/// complement X'X − Σ R_ZX,i' R_ZX,i; r² is the penalised residual sum of squares.
/// </summary>
/// <remarks>
/// In this model a subject's random-effects design equals its fixed-effects design X_i = [1, t],
/// so every quantity is a function of the subject's M_i = X_i'X_i, its own least-squares line
/// ĉ_i (X_i'y_i = M_i ĉ_i; for a subject seen at one time only, its mean at that time) and the
/// residual sum of squares about the lines, computed once: each evaluation costs O(subjects).
/// The sums are formed so that nothing cancels: with G = ΛΛ' and A_i = Λ'M_iΛ + I,
/// W_i = M_i − M_iΛA_i⁻¹Λ'M_i = (M_i + det M_i · adj G) / det A_i (both terms positive
/// semi-definite), det A_i = 1 + tr(G M_i) + det G det M_i, the Schur complement is Σ W_i,
/// X'y − Σ R_ZX'c_u = Σ W_i ĉ_i, and r² = (residual sum of squares about the lines) + Σ ĉ_i'W_iĉ_i − β'Σ W_iĉ_i.
/// Computed instead as y'y − ‖c_u‖² − ‖c_β‖² and X'X − Σ P'A⁻¹P, both are differences of large
/// sums that lose every digit when the residuals are small against the outcome's spread.
/// <para>
/// With a group constant within each subject (<c>y ~ t * g + (t | subject)</c>), subject i's
/// fixed-effects design is [X_i, g_i X_i], so in the parameterisation (reference group's line,
/// group's line) the Schur complement is block-diagonal: each group's line is S_k⁻¹R_k from the
/// same per-subject sums taken over that group's subjects only, log|R_X|² = Σ_k log det S_k and
/// r² = RSS + Q − Σ_k β_k'R_k, with p = 4. The subjects are ordered by group once, so each
/// evaluation runs the same loop over two ranges.
/// </para>
/// </remarks>
internal sealed class RemlCriterion
{
    // Per subject, one array per quantity (so that four subjects are worked on at once): M = [[n, Σt], [Σt, Σt²]],
    // det M, and the line ĉ (intercept relative to the centre, slope).
    private readonly double[] _count, _sumT, _sumTT, _detM, _c0, _c1;
    private readonly double _n, _residualSumOfSquares;
    // Subjects [0, _groupStart) are the reference group, the rest the group; without a group, all are the reference.
    private readonly int _groupStart;

    /// <param name="inGroup">Per subject, whether it is in the group (null: no group term).</param>
    public RemlCriterion(SubjectLine[] subjects, double centre, IReadOnlyList<bool>? inGroup = null)
    {
        _groupStart = subjects.Length;
        if (inGroup is not null)
        {
            var order = Enumerable.Range(0, subjects.Length).OrderBy(i => inGroup[i]).ToArray();
            subjects = order.Select(i => subjects[i]).ToArray();
            _groupStart = order.Count(i => !inGroup[i]);
            HasGroup = true;
        }
        _count = subjects.Select(s => (double)s.Count).ToArray();
        _sumT = subjects.Select(s => s.Count * s.MeanT).ToArray();
        _sumTT = subjects.Select(s => s.SumOfSquaresT + s.Count * s.MeanT * s.MeanT).ToArray();
        _detM = subjects.Select(s => s.Count * s.SumOfSquaresT).ToArray();
        _c0 = subjects.Select(s => s.Intercept - centre).ToArray();
        _c1 = subjects.Select(s => s.Slope).ToArray();
        _n = _count.Sum();
        _residualSumOfSquares = subjects.Sum(s => s.ResidualSumOfSquares);
    }

    public int Evaluations { get; private set; }

    public bool HasGroup { get; }

    public double ResidualDegreesOfFreedom => _n - (HasGroup ? 4 : 2);

    /// <summary>The criterion for the optimiser: a NaN (from arithmetic overflow far from the optimum) counts as +∞, so it is never chosen.</summary>
    public double Value(ReadOnlySpan<double> theta) => Evaluate(theta).Criterion is var c && double.IsNaN(c) ? double.PositiveInfinity : c;

    /// <summary>The criterion with the profiled estimates that go with it.</summary>
    /// <remarks>
    /// Evaluated some 200 times per fit over tens of thousands of subjects, so the per-subject
    /// work is kept to one division and a few products. A is the identity plus a positive
    /// semi-definite matrix, so det A ≥ 1; the determinants are multiplied and their product's
    /// logarithm taken now and then, not one logarithm per subject. Four subjects at a time where
    /// the processor has vector arithmetic.
    /// </remarks>
    public Profile Evaluate(ReadOnlySpan<double> theta)
    {
        Evaluations++;
        double a = theta[0], b = theta[1], c = theta[2];
        // G = ΛΛ' and its adjugate's entries; det G = (θ1θ3)².
        var g = new Factor(a * a, a * b, b * b + c * c, a * c * (a * c));
        var reference = Accumulate(g, 0, _groupStart);
        var logDetL = reference.LogDet + Math.Log(reference.Determinants);
        var (referenceLine, logDetX, fitted) = Solve(reference);
        var q = reference.Q;
        Line groupLine = default;
        if (HasGroup)
        {
            var group = Accumulate(g, _groupStart, _count.Length);
            logDetL += group.LogDet + Math.Log(group.Determinants);
            (groupLine, var logDetGroup, var fittedGroup) = Solve(group);
            logDetX += logDetGroup;
            fitted += fittedGroup;
            q += group.Q;
        }
        var pwrss = _residualSumOfSquares + Math.Max(0, q - fitted);
        var nmp = ResidualDegreesOfFreedom;
        var criterion = logDetL + logDetX + nmp * (1 + Math.Log(2 * Math.PI * pwrss / nmp));
        return new Profile(criterion, pwrss / nmp, referenceLine, groupLine);
    }

    /// <summary>The sums over subjects [from, to), four at a time where the processor has vector arithmetic.</summary>
    private Sums Accumulate(Factor g, int from, int to)
    {
        var sums = new Sums();
        var i = from;
        if (Vector256.IsHardwareAccelerated)
            i = AddVectors(g, ref sums, from, to);
        for (; i < to; i++)
            AddSubject(g, i, ref sums);
        return sums;
    }

    /// <summary>A group's line S⁻¹R, with log det S and β'R.</summary>
    private static (Line Line, double LogDetS, double Fitted) Solve(in Sums s)
    {
        var det = s.S00 * s.S11 - s.S01 * s.S01;
        double beta0 = (s.S11 * s.R0 - s.S01 * s.R1) / det, beta1 = (s.S00 * s.R1 - s.S01 * s.R0) / det;
        return (new Line(beta0, beta1, s.S11 / det, -s.S01 / det, s.S00 / det), Math.Log(det), beta0 * s.R0 + beta1 * s.R1);
    }

    private readonly record struct Factor(double G00, double G01, double G11, double DetG);

    /// <summary>The θ-dependent sums over subjects: Σ W, Σ Wĉ, Σ ĉ'Wĉ, and log det A as a logarithm plus a pending product.</summary>
    private struct Sums
    {
        public double S00, S01, S11, R0, R1, Q, LogDet;
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

    private void AddSubject(Factor g, int i, ref Sums sums)
    {
        double n = _count[i], t = _sumT[i], tt = _sumTT[i], detM = _detM[i], c0 = _c0[i], c1 = _c1[i];
        var detA = 1 + (g.G00 * n + 2 * g.G01 * t + g.G11 * tt) + g.DetG * detM;
        sums.AddDeterminant(detA);
        var inverse = 1 / detA;
        double w00 = inverse * (n + detM * g.G11), w01 = inverse * (t - detM * g.G01), w11 = inverse * (tt + detM * g.G00);
        double r0 = w00 * c0 + w01 * c1, r1 = w01 * c0 + w11 * c1;
        sums.S00 += w00;
        sums.S01 += w01;
        sums.S11 += w11;
        sums.R0 += r0;
        sums.R1 += r1;
        sums.Q += c0 * r0 + c1 * r1;
    }

    /// <summary>The same as <see cref="AddSubject"/> over [from, to), four subjects at a time; returns the first subject left for the scalar loop.</summary>
    private int AddVectors(Factor g, ref Sums sums, int from, int to)
    {
        var width = Vector256<double>.Count;
        Vector256<double> g00 = Vector256.Create(g.G00), g01 = Vector256.Create(2 * g.G01), g11 = Vector256.Create(g.G11);
        Vector256<double> adj01 = Vector256.Create(g.G01), detG = Vector256.Create(g.DetG), one = Vector256<double>.One;
        Vector256<double> s00 = default, s01 = default, s11 = default, sr0 = default, sr1 = default, q = default;
        var determinants = one;
        var large = Vector256.Create(1e50);
        var flush = Vector256.Create(1e250);
        var i = from;
        for (; i + width <= to; i += width)
        {
            var n = Vector256.Create(_count.AsSpan(i, width));
            var t = Vector256.Create(_sumT.AsSpan(i, width));
            var tt = Vector256.Create(_sumTT.AsSpan(i, width));
            var detM = Vector256.Create(_detM.AsSpan(i, width));
            var c0 = Vector256.Create(_c0.AsSpan(i, width));
            var c1 = Vector256.Create(_c1.AsSpan(i, width));
            var detA = one + (g00 * n + g01 * t + g11 * tt) + detG * detM;
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
            var w00 = inverse * (n + detM * g11);
            var w01 = inverse * (t - detM * adj01);
            var w11 = inverse * (tt + detM * g00);
            var r0 = w00 * c0 + w01 * c1;
            var r1 = w01 * c0 + w11 * c1;
            s00 += w00;
            s01 += w01;
            s11 += w11;
            sr0 += r0;
            sr1 += r1;
            q += c0 * r0 + c1 * r1;
        }
        sums.S00 += Vector256.Sum(s00);
        sums.S01 += Vector256.Sum(s01);
        sums.S11 += Vector256.Sum(s11);
        sums.R0 += Vector256.Sum(sr0);
        sums.R1 += Vector256.Sum(sr1);
        sums.Q += Vector256.Sum(q);
        for (var k = 0; k < width; k++) sums.LogDet += Math.Log(determinants[k]);
        return i;
    }

    /// <summary>A group's line β (intercept relative to the centre, slope) and S⁻¹, so that its vcov is σ² S⁻¹, as lme4's vcov.</summary>
    public readonly record struct Line(double Beta0, double Beta1, double Inverse00, double Inverse01, double Inverse11);

    /// <summary>The criterion, σ² = r²/(n − p), the reference group's line, and the group's (default without a group term).</summary>
    public readonly record struct Profile(double Criterion, double Sigma2, Line Reference, Line Group);
}

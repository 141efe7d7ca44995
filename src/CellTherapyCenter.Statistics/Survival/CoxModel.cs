using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace CellTherapyCenter.Statistics.Survival;

/// <summary>How tied event times enter the partial likelihood.</summary>
public enum TiesMethod
{
    /// <summary>Efron's approximation, R coxph's default: close to the exact result.</summary>
    Efron,
    /// <summary>Breslow's approximation: every tied death faces the whole risk set.</summary>
    Breslow,
}

/// <summary>
/// One term of the model. An aliased term (a constant covariate, or one that other covariates
/// determine, as x2 = 2·x1) is not estimated: R's coxph gives it NA, and every number here is NaN.
/// </summary>
public sealed record CoxCoefficient(string Name, double Coef, double Se, double HazardRatio, double Lower, double Upper, double Z, double P,
    bool Aliased = false);

/// <summary>A chi-square test; its degrees of freedom count only the estimated (not aliased) terms.</summary>
public sealed record CoxTest(double ChiSquare, int DegreesOfFreedom, double P);

/// <summary>
/// The fit. <see cref="Warnings"/> holds coxph's warnings in its words ("Ran out of iterations and
/// did not converge", "Loglik converged before variable  1 ; coefficient may be infinite.", "one
/// or more coefficients may be infinite"); R still returns the fit, and so does this.
/// </summary>
public sealed record CoxResult(
    int N,
    int Events,
    IReadOnlyList<CoxCoefficient> Coefficients,
    double LogLikelihoodNull,
    double LogLikelihood,
    CoxTest LikelihoodRatio,
    CoxTest Wald,
    CoxTest Score,
    double Concordance,
    int Iterations,
    bool Converged,
    IReadOnlyList<string> Warnings);

/// <summary>
/// The Cox proportional-hazards model fitted as R's <c>coxph</c> fits it (survival's coxph.fit.R
/// and coxfit6.c, followed step by step): covariates centred and scaled (those with values only in
/// -1, 0, 1 left as they are), Newton-Raphson from zero with R's step halving, stop when the log
/// partial likelihood changes by at most 1e-9 relative, at most 20 iterations. The information
/// matrix is factored by survival's generalised Cholesky with tolerance
/// <c>.Machine$double.eps^0.75</c>: a covariate whose pivot falls below it is aliased (left at
/// zero, reported as not estimated), as coxph reports NA. The warnings are coxph's, under the same
/// conditions.
/// </summary>
public static class CoxModel
{
    /// <summary>coxph.control(): eps, toler.chol, toler.inf.</summary>
    private const double Eps = 1e-9;
    private static readonly double TolerChol = Math.Pow(Math.Pow(2, -52), 0.75);
    private static readonly double TolerInf = Math.Sqrt(Eps);

    public const string NotConverged = "Ran out of iterations and did not converge";
    public const string MayBeInfinite = "one or more coefficients may be infinite";

    public static CoxResult Fit(IReadOnlyList<double> time, IReadOnlyList<bool> @event, IReadOnlyList<string> names,
        double[,] covariates, TiesMethod ties = TiesMethod.Efron, double level = 0.95, int maxIterations = 20)
    {
        var n = time.Count;
        var p = names.Count;
        if (@event.Count != n || covariates.GetLength(0) != n || covariates.GetLength(1) != p)
            throw new ArgumentException("Time, event and every covariate need one value per subject.");
        if (!@event.Any(e => e)) throw new ArgumentException("A Cox model needs at least one event.");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);

        // R sorts by time (a stable order) and walks the data from the last time backwards.
        var sorted = Enumerable.Range(0, n).OrderBy(i => time[i]).ToArray();
        var likelihood = new PartialLikelihood(
            sorted.Select(i => time[i]).ToArray(),
            sorted.Select(i => @event[i]).ToArray(),
            Enumerable.Range(0, p).Select(j => sorted.Select(i => covariates[i, j]).ToArray()).ToArray(),
            ties);
        var (means, scale) = likelihood.CentreAndScale();

        // Newton-Raphson on the scaled covariates, as coxfit6.c.
        var beta = new double[p];
        var loglik0 = likelihood.Evaluate(beta);
        var best = loglik0;
        var step = (double[])likelihood.Score.Clone();
        var flag = CoxCholesky.Factor(likelihood.Information, TolerChol);
        CoxCholesky.Solve(likelihood.Information, step);
        var scoreTest = 0.0;
        for (var i = 0; i < p; i++) scoreTest += likelihood.Score[i] * step[i];

        var newBeta = new double[p];
        for (var i = 0; i < p; i++) newBeta[i] = beta[i] + step[i];
        var halving = 0.0;
        var converged = false;
        int iteration;
        for (iteration = 1; iteration <= maxIterations; iteration++)
        {
            var newLoglik = likelihood.Evaluate(newBeta);
            flag = CoxCholesky.Factor(likelihood.Information, TolerChol);
            var finite = double.IsFinite(newLoglik) && likelihood.Score.All(double.IsFinite) && likelihood.Information.Cast<double>().All(double.IsFinite);
            if (finite && Math.Abs(1 - best / newLoglik) <= Eps)
            {
                best = newLoglik;
                Array.Copy(newBeta, beta, p);
                if (halving > 0) flag = -2;
                converged = true;
                break;
            }
            if (!finite || newLoglik < best)
            {
                // Not improving: move back towards the last good beta, further each time.
                halving++;
                for (var i = 0; i < p; i++) newBeta[i] = (newBeta[i] + halving * beta[i]) / (halving + 1);
            }
            else
            {
                halving = 0;
                best = newLoglik;
                CoxCholesky.Solve(likelihood.Information, likelihood.Score);
                for (var i = 0; i < p; i++)
                {
                    beta[i] = newBeta[i];
                    newBeta[i] += likelihood.Score[i];
                }
            }
        }
        if (!converged && maxIterations > 1)
        {
            // As coxfit6.c: the likelihood, score and information at the last good beta. R then
            // inverts that information without factoring it first, which keeps only its diagonal:
            // the variance reported after non-convergence is 1 / diagonal, covariances zero.
            best = likelihood.Evaluate(beta);
        }
        CoxCholesky.Invert(likelihood.Information);

        // Back to the covariates' own scale.
        var coef = new double[p];
        var score = new double[p];
        var variance = new double[p, p];
        for (var i = 0; i < p; i++)
        {
            coef[i] = beta[i] * scale[i];
            score[i] = likelihood.Score[i] / scale[i];
            for (var j = i; j < p; j++)
                variance[i, j] = variance[j, i] = likelihood.Information[i, j] * scale[i] * scale[j];
        }

        // coxph.fit.R: the linear predictor, aliased terms, and the warnings.
        var centre = 0.0;
        for (var j = 0; j < p; j++) centre += coef[j] * means[j];
        var linearPredictor = new double[n];
        for (var i = 0; i < n; i++)
        {
            var eta = 0.0;
            for (var j = 0; j < p; j++) eta += covariates[i, j] * coef[j];
            linearPredictor[i] = eta - centre;
        }
        var aliased = Enumerable.Range(0, p).Select(j => converged && flag < p && variance[j, j] == 0).ToArray();
        var warnings = new List<string>();
        if (maxIterations > 1)
        {
            var infs = Enumerable.Range(0, p).Select(j => Math.Abs(Enumerable.Range(0, p).Sum(i => score[i] * variance[i, j]))).ToArray();
            if (!converged)
            {
                warnings.Add(NotConverged);
                if (linearPredictor.Max() > 500 || !infs.All(double.IsFinite)) warnings.Add(MayBeInfinite);
            }
            else
            {
                var infinite = Enumerable.Range(0, p)
                    .Where(j => !double.IsFinite(score[j]) || (infs[j] > Eps && infs[j] > TolerInf * Math.Abs(coef[j])))
                    .Select(j => (j + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
                if (infinite.Count > 0)
                    warnings.Add($"Loglik converged before variable  {string.Join(",", infinite)} ; coefficient may be infinite.");
            }
        }

        var z = Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
        var coefficients = Enumerable.Range(0, p).Select(j =>
        {
            if (aliased[j]) return new CoxCoefficient(names[j], double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, Aliased: true);
            var se = Math.Sqrt(variance[j, j]);
            var zj = coef[j] / se;
            return new CoxCoefficient(names[j], coef[j], se, Math.Exp(coef[j]), Math.Exp(coef[j] - z * se), Math.Exp(coef[j] + z * se),
                zj, 2 * Normal.CDF(0, 1, -Math.Abs(zj)));
        }).ToList();

        var estimated = Enumerable.Range(0, p).Where(j => !aliased[j]).ToArray();
        var df = estimated.Length;
        return new CoxResult(n, @event.Count(e => e), coefficients, loglik0, best,
            Test(-2 * (loglik0 - best), df), Test(Wald(coef, variance, estimated), df), Test(scoreTest, df),
            HarrellConcordance.Compute(time, @event, linearPredictor).Value, iteration, converged, warnings);
    }

    /// <summary>coxph.wtest: b' V⁻¹ b over the estimated terms, V inverted by the same generalised Cholesky.</summary>
    private static double Wald(double[] coef, double[,] variance, int[] estimated)
    {
        if (estimated.Length == 0) return double.NaN;
        if (estimated.Length == 1) return coef[estimated[0]] * coef[estimated[0]] / variance[estimated[0], estimated[0]];
        var v = new double[estimated.Length, estimated.Length];
        for (var i = 0; i < estimated.Length; i++)
            for (var j = 0; j < estimated.Length; j++) v[i, j] = variance[estimated[i], estimated[j]];
        var b = estimated.Select(j => coef[j]).ToArray();
        var solved = (double[])b.Clone();
        CoxCholesky.Factor(v, TolerChol);
        CoxCholesky.Solve(v, solved);
        var sum = 0.0;
        for (var i = 0; i < b.Length; i++) sum += b[i] * solved[i];
        return sum;
    }

    /// <summary>The upper tail of chi-square; with no degrees of freedom R's pchisq gives 1 at zero and 0 above.</summary>
    private static CoxTest Test(double chiSquare, int df) => new(chiSquare, df,
        double.IsNaN(chiSquare) ? double.NaN
        : df == 0 ? (chiSquare > 0 ? 0 : 1)
        : SpecialFunctions.GammaUpperRegularized(df / 2.0, chiSquare / 2));

    /// <summary>
    /// The log partial likelihood with its score and information, as survival's coxfit6_iter: data
    /// sorted by time and walked from the end, covariates stored a column each. The information is
    /// written to its upper triangle (row &lt;= column), where the Cholesky reads it. Plain arrays
    /// and loops, no per-subject allocation: this runs once per iteration over every subject.
    /// </summary>
    private sealed class PartialLikelihood(double[] time, bool[] died, double[][] covar, TiesMethod ties)
    {
        private readonly int _p = covar.Length;
        private readonly double[] _a = new double[covar.Length];
        private readonly double[] _a2 = new double[covar.Length];
        private readonly double[,] _cmat = new double[covar.Length, covar.Length];
        private readonly double[,] _cmat2 = new double[covar.Length, covar.Length];

        public double[] Score { get; } = new double[covar.Length];
        public double[,] Information { get; } = new double[covar.Length, covar.Length];

        /// <summary>
        /// Centres each covariate on its mean and scales it by its mean absolute deviation, as coxfit6.c
        /// (a covariate with values only in -1, 0, 1 is left alone, coxph's default nocenter).
        /// </summary>
        public (double[] Means, double[] Scale) CentreAndScale()
        {
            var n = time.Length;
            var means = new double[_p];
            var scale = new double[_p];
            for (var j = 0; j < _p; j++)
            {
                var x = covar[j];
                if (x.All(v => v == -1 || v == 0 || v == 1)) { scale[j] = 1; continue; }
                var mean = 0.0;
                for (var i = 0; i < n; i++) mean += x[i];
                mean /= n;
                means[j] = mean;
                for (var i = 0; i < n; i++) x[i] -= mean;
                var absolute = 0.0;
                for (var i = 0; i < n; i++) absolute += Math.Abs(x[i]);
                scale[j] = absolute > 0 ? n / absolute : 1;
                for (var i = 0; i < n; i++) x[i] *= scale[j];
            }
            return (means, scale);
        }

        public double Evaluate(double[] beta)
        {
            var p = _p;
            var u = Score;
            var imat = Information;
            Array.Clear(u);
            Array.Clear(_a2);
            Array.Clear(imat);
            Array.Clear(_cmat2);
            Array.Clear(_a);
            Array.Clear(_cmat);
            var loglik = 0.0;
            var denom = 0.0;
            for (var person = time.Length - 1; person >= 0;)
            {
                var dtime = time[person];
                var ndead = 0;
                var deadwt = 0.0;
                var denom2 = 0.0;
                while (person >= 0 && time[person] == dtime)
                {
                    var zbeta = 0.0;
                    for (var i = 0; i < p; i++) zbeta += beta[i] * covar[i][person];
                    var risk = Math.Exp(zbeta);
                    if (!died[person])
                    {
                        denom += risk;
                        for (var i = 0; i < p; i++)
                        {
                            _a[i] += risk * covar[i][person];
                            for (var j = 0; j <= i; j++) _cmat[i, j] += risk * covar[i][person] * covar[j][person];
                        }
                    }
                    else
                    {
                        ndead++;
                        deadwt += 1;
                        denom2 += risk;
                        loglik += zbeta;
                        for (var i = 0; i < p; i++)
                        {
                            u[i] += covar[i][person];
                            _a2[i] += risk * covar[i][person];
                            for (var j = 0; j <= i; j++) _cmat2[i, j] += risk * covar[i][person] * covar[j][person];
                        }
                    }
                    person--;
                }
                if (ndead == 0) continue;
                if (ties == TiesMethod.Breslow || ndead == 1)
                {
                    denom += denom2;
                    loglik -= deadwt * Math.Log(denom);
                    for (var i = 0; i < p; i++)
                    {
                        _a[i] += _a2[i];
                        var mean = _a[i] / denom;
                        u[i] -= deadwt * mean;
                        for (var j = 0; j <= i; j++)
                        {
                            _cmat[i, j] += _cmat2[i, j];
                            imat[j, i] += deadwt * (_cmat[i, j] - mean * _a[j]) / denom;
                        }
                    }
                }
                else
                {
                    // Efron: the tied deaths leave the risk set a share at a time.
                    var wtave = deadwt / ndead;
                    for (var k = 0; k < ndead; k++)
                    {
                        denom += denom2 / ndead;
                        loglik -= wtave * Math.Log(denom);
                        for (var i = 0; i < p; i++)
                        {
                            _a[i] += _a2[i] / ndead;
                            var mean = _a[i] / denom;
                            u[i] -= wtave * mean;
                            for (var j = 0; j <= i; j++)
                            {
                                _cmat[i, j] += _cmat2[i, j] / ndead;
                                imat[j, i] += wtave * (_cmat[i, j] - mean * _a[j]) / denom;
                            }
                        }
                    }
                }
                Array.Clear(_a2);
                Array.Clear(_cmat2);
            }
            return loglik;
        }
    }
}

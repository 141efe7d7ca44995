using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace CellTherapyCenter.Statistics.Survival;

/// <summary>How tied event times enter the partial likelihood.</summary>
public enum TiesMethod
{
    /// <summary>Efron's approximation, R coxph's default: close to the exact result.</summary>
    Efron,
    /// <summary>Breslow's approximation: every tied death faces the whole risk set.</summary>
    Breslow,
}

public sealed record CoxCoefficient(string Name, double Coef, double Se, double HazardRatio, double Lower, double Upper, double Z, double P);

public sealed record CoxTest(double ChiSquare, int DegreesOfFreedom, double P);

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
    int Iterations);

/// <summary>
/// The Cox proportional-hazards model fitted by Newton-Raphson as R's <c>coxph</c> does: covariates
/// centred, start at zero, step halving when the likelihood falls, stop when the log partial
/// likelihood changes by less than 1e-9 relative (at most 20 iterations).
/// </summary>
public static class CoxModel
{
    public static CoxResult Fit(IReadOnlyList<double> time, IReadOnlyList<bool> @event, IReadOnlyList<string> names,
        double[,] covariates, TiesMethod ties = TiesMethod.Efron, double level = 0.95)
    {
        var n = time.Count;
        var p = names.Count;
        if (@event.Count != n || covariates.GetLength(0) != n || covariates.GetLength(1) != p)
            throw new ArgumentException("Time, event and every covariate need one value per subject.");
        if (!@event.Any(e => e)) throw new ArgumentException("A Cox model needs at least one event.");

        // Centred covariates, in decreasing time so that risk sets accumulate in one pass.
        var order = Enumerable.Range(0, n).OrderByDescending(i => time[i]).ThenBy(i => @event[i] ? 0 : 1).ToArray();
        var means = Enumerable.Range(0, p).Select(j => Enumerable.Range(0, n).Average(i => covariates[i, j])).ToArray();
        var x = Matrix<double>.Build.Dense(n, p, (r, c) => covariates[order[r], c] - means[c]);
        var t = order.Select(i => time[i]).ToArray();
        var d = order.Select(i => @event[i]).ToArray();

        var beta = Vector<double>.Build.Dense(p);
        var (loglik0, score0, info0) = Evaluate(x, t, d, beta, ties);
        var loglik = loglik0;
        var (gradient, information) = (score0, info0);
        var iterations = 0;
        for (; iterations < 20; iterations++)
        {
            var step = information.Solve(gradient);
            var candidate = beta + step;
            var (newLoglik, newGradient, newInformation) = Evaluate(x, t, d, candidate, ties);
            var halvings = 0;
            while (newLoglik < loglik && halvings++ < 30)
            {
                candidate = (beta + candidate) / 2;
                (newLoglik, newGradient, newInformation) = Evaluate(x, t, d, candidate, ties);
            }
            var converged = Math.Abs(1 - loglik / newLoglik) <= 1e-9;
            (beta, loglik, gradient, information) = (candidate, newLoglik, newGradient, newInformation);
            if (converged) { iterations++; break; }
        }

        var variance = information.Inverse();
        var z = Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
        var coefficients = Enumerable.Range(0, p).Select(j =>
        {
            var se = Math.Sqrt(variance[j, j]);
            var zj = beta[j] / se;
            return new CoxCoefficient(names[j], beta[j], se, Math.Exp(beta[j]), Math.Exp(beta[j] - z * se), Math.Exp(beta[j] + z * se),
                zj, 2 * Normal.CDF(0, 1, -Math.Abs(zj)));
        }).ToList();

        var lr = 2 * (loglik - loglik0);
        var wald = beta.DotProduct(information * beta);
        var scoreTest = score0.DotProduct(info0.Solve(score0));
        var linearPredictor = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, p).Sum(j => covariates[i, j] * beta[j])).ToArray();
        return new CoxResult(n, @event.Count(e => e), coefficients, loglik0, loglik,
            Test(lr, p), Test(wald, p), Test(scoreTest, p),
            HarrellConcordance.Compute(time, @event, linearPredictor).Value, iterations);
    }

    private static CoxTest Test(double chiSquare, int df) => new(chiSquare, df, SpecialFunctions.GammaUpperRegularized(df / 2.0, chiSquare / 2));

    /// <summary>
    /// Log partial likelihood, its gradient and the observed information at beta. Plain arrays and
    /// loops, no per-subject allocation: this runs once per iteration over every subject.
    /// </summary>
    private static (double LogLik, Vector<double> Gradient, Matrix<double> Information) Evaluate(
        Matrix<double> x, double[] time, bool[] died, Vector<double> beta, TiesMethod ties)
    {
        var n = x.RowCount;
        var p = x.ColumnCount;
        var xs = x.ToRowArrays();
        var b = beta.ToArray();
        var loglik = 0.0;
        var gradient = new double[p];
        var information = new double[p, p];
        double s0 = 0;
        var s1 = new double[p];
        var s2 = new double[p, p];
        var d1 = new double[p];
        var d2 = new double[p, p];
        var mean = new double[p];
        for (var i = 0; i < n;)
        {
            // One distinct time: add everyone leaving at it to the risk set, and collect its deaths.
            var t = time[i];
            double d0 = 0;
            Array.Clear(d1);
            Array.Clear(d2);
            var deaths = 0;
            for (; i < n && time[i] == t; i++)
            {
                var xi = xs[i];
                var eta = 0.0;
                for (var j = 0; j < p; j++) eta += xi[j] * b[j];
                var r = Math.Exp(eta);
                s0 += r;
                for (var j = 0; j < p; j++)
                {
                    s1[j] += xi[j] * r;
                    for (var l = 0; l < p; l++) s2[j, l] += xi[j] * xi[l] * r;
                }
                if (!died[i]) continue;
                deaths++;
                d0 += r;
                loglik += eta;
                for (var j = 0; j < p; j++)
                {
                    gradient[j] += xi[j];
                    d1[j] += xi[j] * r;
                    for (var l = 0; l < p; l++) d2[j, l] += xi[j] * xi[l] * r;
                }
            }
            for (var k = 0; k < deaths; k++)
            {
                var share = ties == TiesMethod.Efron ? (double)k / deaths : 0;
                var denominator = s0 - share * d0;
                loglik -= Math.Log(denominator);
                for (var j = 0; j < p; j++)
                {
                    mean[j] = (s1[j] - share * d1[j]) / denominator;
                    gradient[j] -= mean[j];
                }
                for (var j = 0; j < p; j++)
                    for (var l = 0; l < p; l++)
                        information[j, l] += (s2[j, l] - share * d2[j, l]) / denominator - mean[j] * mean[l];
            }
        }
        return (loglik, Vector<double>.Build.DenseOfArray(gradient), Matrix<double>.Build.DenseOfArray(information));
    }
}

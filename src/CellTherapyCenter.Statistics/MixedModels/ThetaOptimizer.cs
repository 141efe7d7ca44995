namespace CellTherapyCenter.Statistics.MixedModels;

/// <summary>
/// Minimises the profiled REML criterion over θ = (θ1, θ2, θ3). lme4 bounds θ1, θ3 ≥ 0; here the
/// search is unconstrained instead, because the criterion depends on θ only through ΛΛ', which
/// is unchanged when a column of Λ changes sign: the criterion is even in θ3 and in (θ1, θ2)
/// jointly, so a boundary optimum (θ1 or θ3 = 0) is an ordinary stationary point, and the signs
/// are normalised at the end. Nelder-Mead finds the basin from lme4's start (1, 0, 1); Newton
/// steps on central-difference derivatives then polish to machine precision, because lme4's
/// default stopping rules leave the variance components about 1e-6 short of the optimum.
/// </summary>
internal static class ThetaOptimizer
{
    private const int Dimension = 3;

    /// <summary>The minimum from lme4's start (1, 0, 1), or from <paramref name="start"/>.</summary>
    public static double[] Minimise(Func<double[], double> f, double[]? start = null)
    {
        var theta = NelderMead(f, start ?? [1, 0, 1]);
        theta = NewtonPolish(f, theta);
        if (theta[0] < 0) { theta[0] = -theta[0]; theta[1] = -theta[1]; }
        theta[2] = Math.Abs(theta[2]);
        return theta;
    }

    private static double[] NelderMead(Func<double[], double> f, double[] start)
    {
        var simplex = new double[Dimension + 1][];
        var values = new double[Dimension + 1];
        for (var i = 0; i <= Dimension; i++)
        {
            simplex[i] = (double[])start.Clone();
            if (i > 0) simplex[i][i - 1] += 0.5;
            values[i] = f(simplex[i]);
        }
        for (var iteration = 0; iteration < 2000; iteration++)
        {
            Array.Sort(values, simplex);
            // Only the basin is wanted here: the Newton steps converge from it in a few iterations,
            // each far cheaper than Nelder-Mead's slow crawl over the last digits.
            if (values[Dimension] - values[0] <= 1e-7 * (1 + Math.Abs(values[0]))) break;
            var centroid = new double[Dimension];
            for (var i = 0; i < Dimension; i++)
                for (var j = 0; j < Dimension; j++) centroid[j] += simplex[i][j] / Dimension;
            double[] Towards(double step) => centroid.Select((x, j) => x + step * (simplex[Dimension][j] - x)).ToArray();
            var reflected = Towards(-1);
            var fr = f(reflected);
            if (fr < values[0])
            {
                var expanded = Towards(-2);
                var fe = f(expanded);
                (simplex[Dimension], values[Dimension]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[Dimension - 1]) (simplex[Dimension], values[Dimension]) = (reflected, fr);
            else
            {
                var contracted = Towards(fr < values[Dimension] ? -0.5 : 0.5);
                var fc = f(contracted);
                if (fc < Math.Min(fr, values[Dimension])) (simplex[Dimension], values[Dimension]) = (contracted, fc);
                else
                    for (var i = 1; i <= Dimension; i++)
                    {
                        simplex[i] = simplex[i].Select((x, j) => simplex[0][j] + 0.5 * (x - simplex[0][j])).ToArray();
                        values[i] = f(simplex[i]);
                    }
            }
        }
        Array.Sort(values, simplex);
        return simplex[0];
    }

    /// <summary>
    /// Damped Newton: the step solves (H + μI) s = −g, with μ raised until the criterion does not
    /// increase. Derivatives by central differences with steps of 1e-4, whose truncation error
    /// (~1e-8 relative) is far below what moves the optimum at the precision wanted.
    /// </summary>
    private static double[] NewtonPolish(Func<double[], double> f, double[] theta)
    {
        var value = f(theta);
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var (gradient, hessian) = Derivatives(f, theta, value);
            var improved = false;
            for (var mu = 0.0; mu < 1e8; mu = mu == 0 ? 1e-8 * (1 + Trace(hessian)) : mu * 10)
            {
                var step = Solve(hessian, gradient, mu);
                if (step is null) continue;
                var candidate = theta.Select((x, j) => x - step[j]).ToArray();
                var candidateValue = f(candidate);
                if (candidateValue <= value)
                {
                    var moved = step.Max(Math.Abs);
                    improved = value - candidateValue > 1e-13 * Math.Abs(value) || moved > 1e-10;
                    (theta, value) = (candidate, candidateValue);
                    break;
                }
            }
            if (!improved) break;
        }
        return theta;
    }

    private static double Trace(double[,] h) => Math.Abs(h[0, 0]) + Math.Abs(h[1, 1]) + Math.Abs(h[2, 2]);

    private static (double[] Gradient, double[,] Hessian) Derivatives(Func<double[], double> f, double[] theta, double value)
    {
        const double h = 1e-4;
        double At(int i, double di, int j, double dj)
        {
            var x = (double[])theta.Clone();
            x[i] += di;
            x[j] += dj;
            return f(x);
        }
        var gradient = new double[Dimension];
        var hessian = new double[Dimension, Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            double plus = At(i, h, i, 0), minus = At(i, -h, i, 0);
            gradient[i] = (plus - minus) / (2 * h);
            hessian[i, i] = (plus - 2 * value + minus) / (h * h);
            for (var j = 0; j < i; j++)
                hessian[i, j] = hessian[j, i] =
                    (At(i, h, j, h) - At(i, h, j, -h) - At(i, -h, j, h) + At(i, -h, j, -h)) / (4 * h * h);
        }
        return (gradient, hessian);
    }

    /// <summary>Solves (H + μI) s = g by Cholesky; null when that matrix is not positive definite.</summary>
    private static double[]? Solve(double[,] hessian, double[] gradient, double mu)
    {
        var l = new double[Dimension, Dimension];
        for (var i = 0; i < Dimension; i++)
            for (var j = 0; j <= i; j++)
            {
                var sum = hessian[i, j] + (i == j ? mu : 0);
                for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                if (i == j)
                {
                    if (sum <= 0) return null;
                    l[i, i] = Math.Sqrt(sum);
                }
                else l[i, j] = sum / l[j, j];
            }
        var y = new double[Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            var sum = gradient[i];
            for (var k = 0; k < i; k++) sum -= l[i, k] * y[k];
            y[i] = sum / l[i, i];
        }
        var s = new double[Dimension];
        for (var i = Dimension - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < Dimension; k++) sum -= l[k, i] * s[k];
            s[i] = sum / l[i, i];
        }
        return s;
    }
}

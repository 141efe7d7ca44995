namespace CellTherapyCenter.Statistics.Survival;

/// <summary>
/// The generalised Cholesky routines of R's survival package (cholesky2.c, chsolve2.c, chinv2.c),
/// which coxph uses on the information matrix. A column whose pivot falls below the tolerance
/// (relative to the largest diagonal) is taken as redundant: its diagonal becomes zero, a solve
/// gives it zero and the inverse has a zero row and column. That is how coxph finds aliased and
/// constant covariates.
/// </summary>
/// <remarks>
/// Ported line by line, in R's order of operations, so that a term is judged aliased exactly when
/// R judges it so. Only the upper triangle (row &lt;= column) of the matrix is read at the start;
/// the factorisation is written to the lower triangle and its diagonal.
/// </remarks>
internal static class CoxCholesky
{
    /// <summary>Factors the matrix as F D F' in place; returns its rank, negated when not non-negative definite.</summary>
    public static int Factor(double[,] matrix, double toler)
    {
        var n = matrix.GetLength(0);
        var nonNegative = 1;
        var eps = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (matrix[i, i] > eps) eps = matrix[i, i];
            for (var j = i + 1; j < n; j++) matrix[j, i] = matrix[i, j];
        }
        eps = eps == 0 ? toler : eps * toler;

        var rank = 0;
        for (var i = 0; i < n; i++)
        {
            var pivot = matrix[i, i];
            if (!double.IsFinite(pivot) || pivot < eps)
            {
                matrix[i, i] = 0;
                if (pivot < -8 * eps) nonNegative = -1;
                continue;
            }
            rank++;
            for (var j = i + 1; j < n; j++)
            {
                var temp = matrix[j, i] / pivot;
                matrix[j, i] = temp;
                matrix[j, j] -= temp * temp * pivot;
                for (var k = j + 1; k < n; k++) matrix[k, j] -= temp * matrix[k, i];
            }
        }
        return rank * nonNegative;
    }

    /// <summary>Solves A b = y in place from the factorisation; a redundant column's entry is zero.</summary>
    public static void Solve(double[,] matrix, double[] y)
    {
        var n = y.Length;
        for (var i = 0; i < n; i++)
        {
            var temp = y[i];
            for (var j = 0; j < i; j++) temp -= y[j] * matrix[i, j];
            y[i] = temp;
        }
        for (var i = n - 1; i >= 0; i--)
        {
            if (matrix[i, i] == 0) { y[i] = 0; continue; }
            var temp = y[i] / matrix[i, i];
            for (var j = i + 1; j < n; j++) temp -= y[j] * matrix[j, i];
            y[i] = temp;
        }
    }

    /// <summary>
    /// The inverse from the factorisation, written to the upper triangle and diagonal (a redundant
    /// column's row and column are zero); the lower triangle is left holding F's inverse.
    /// </summary>
    public static void Invert(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        for (var i = 0; i < n; i++)
        {
            if (!(matrix[i, i] > 0)) continue;
            matrix[i, i] = 1 / matrix[i, i];
            for (var j = i + 1; j < n; j++)
            {
                matrix[j, i] = -matrix[j, i];
                for (var k = 0; k < i; k++) matrix[j, k] += matrix[j, i] * matrix[i, k];
            }
        }
        for (var i = 0; i < n; i++)
        {
            if (matrix[i, i] == 0)
            {
                for (var j = 0; j < i; j++) matrix[j, i] = 0;
                for (var j = i; j < n; j++) matrix[i, j] = 0;
                continue;
            }
            for (var j = i + 1; j < n; j++)
            {
                var temp = matrix[j, i] * matrix[j, j];
                matrix[i, j] = temp;
                for (var k = i; k < j; k++) matrix[i, k] += temp * matrix[j, k];
            }
        }
    }
}

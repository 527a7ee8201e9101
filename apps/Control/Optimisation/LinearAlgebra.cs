namespace ProofOfHeat.Control.Optimisation;

/// <summary>The little dense linear algebra the identifier needs (no numeric library is available).</summary>
internal static class LinearAlgebra
{
    /// <summary>Solves the square system <paramref name="matrix"/>·x = <paramref name="rhs"/> by Gaussian elimination with partial pivoting; null when singular.</summary>
    public static double[]? Solve(double[,] matrix, double[] rhs)
    {
        var n = rhs.Length;
        var m = (double[,])matrix.Clone();
        var b = (double[])rhs.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (Math.Abs(m[pivot, col]) < 1e-300)
            {
                return null;
            }

            if (pivot != col)
            {
                for (var k = 0; k < n; k++)
                {
                    (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            for (var row = col + 1; row < n; row++)
            {
                var factor = m[row, col] / m[col, col];
                if (factor == 0)
                {
                    continue;
                }

                for (var k = col; k < n; k++)
                {
                    m[row, k] -= factor * m[col, k];
                }

                b[row] -= factor * b[col];
            }
        }

        var x = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = b[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= m[row, k] * x[k];
            }

            x[row] = sum / m[row, row];
        }

        return x.All(double.IsFinite) ? x : null;
    }
}

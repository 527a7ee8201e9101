namespace ProofOfHeat.Control.Optimisation;

/// <summary>
/// One backward step of <see cref="DpPlanner"/>'s dynamic programme: for every grid state, the best
/// action's stage cost (energy + discomfort on the end-of-slot air temperature) plus the
/// interpolated cost-to-go of where it lands. This loop is nearly all of a plan's compute, so the
/// interpolation and penalties are written out inline.
/// </summary>
internal static class BackwardPass
{
    /// <summary>The cost-to-go at the start of a slot from the one at its end.</summary>
    public static float[] Run(
        StateGrid grid, DiscreteThermalModel model, (double[] Air, double[] Mass, double[] Cost) actions, float[] next,
        double lower, double upper, double hours, PlannerOptions o)
    {
        var values = new float[grid.Size];
        var (fa, fm, cost) = actions;
        var count = cost.Length;
        var below = o.DiscomfortEurPerKelvinHour * hours;
        var marginRate = o.MarginEurPerKelvinHour * hours;
        var marginTop = lower + o.ComfortMargin;
        var airMin = grid.AirMin;
        var airInv = 1 / grid.AirStep;
        var massMin = grid.MassMin;
        var massInv = 1 / grid.MassStep;
        var nm = grid.MassCount;
        var maxX = grid.AirCount - 1.000001;
        var maxY = grid.MassCount - 1.000001;

        // The hot loop of the whole controller: interpolation and penalties are written out inline.
        for (var i = 0; i < grid.AirCount; i++)
        {
            var air = grid.Air(i);
            for (var j = 0; j < nm; j++)
            {
                var mass = grid.Mass(j);
                var baseAir = (model.E11 * air) + (model.E12 * mass);
                var baseMass = (model.E21 * air) + (model.E22 * mass);
                var best = double.PositiveInfinity;
                for (var a = 0; a < count; a++)
                {
                    var nextAir = baseAir + fa[a];
                    var value = cost[a];
                    if (nextAir < marginTop)
                    {
                        value += Math.Min(marginTop - nextAir, o.ComfortMargin) * marginRate;
                        if (nextAir < lower)
                        {
                            value += (lower - nextAir) * below;
                        }
                    }
                    else if (nextAir > upper)
                    {
                        value += (nextAir - upper) * below;
                    }

                    var fx = (nextAir - airMin) * airInv;
                    var fy = (baseMass + fm[a] - massMin) * massInv;
                    fx = fx < 0 ? 0 : (fx > maxX ? maxX : fx);
                    fy = fy < 0 ? 0 : (fy > maxY ? maxY : fy);
                    var x = (int)fx;
                    var y = (int)fy;
                    var wx = fx - x;
                    var wy = fy - y;
                    var k = (x * nm) + y;
                    var low = Row(next, k, wy);
                    var high = Row(next, k + nm, wy);
                    value += low + ((high - low) * wx);
                    if (value < best)
                    {
                        best = value;
                    }
                }

                values[(i * nm) + j] = (float)best;
            }
        }

        return values;

        static double Row(float[] v, int k, double wy) => v[k] + ((v[k + 1] - v[k]) * wy);
    }
}

namespace ProofOfHeat.Control.Optimisation;

/// <summary>The (air, mass) temperature grid of the dynamic programme, with bilinear interpolation.</summary>
internal sealed class StateGrid
{
    public StateGrid(double airMin, double airMax, double airStep, double massMin, double massMax, double massStep)
    {
        AirMin = airMin;
        AirStep = airStep;
        MassMin = massMin;
        MassStep = massStep;
        AirCount = Math.Max(2, (int)Math.Round((airMax - airMin) / airStep) + 1);
        MassCount = Math.Max(2, (int)Math.Round((massMax - massMin) / massStep) + 1);
    }

    public double AirMin { get; }

    public double AirStep { get; }

    public double MassMin { get; }

    public double MassStep { get; }

    public int AirCount { get; }

    public int MassCount { get; }

    public int Size => AirCount * MassCount;

    public double Air(int i) => AirMin + (i * AirStep);

    public double Mass(int j) => MassMin + (j * MassStep);

    /// <summary>Bilinear interpolation, clamped at the grid's edges.</summary>
    public double Interpolate(float[] values, double air, double mass)
    {
        var fx = (air - AirMin) / AirStep;
        var fy = (mass - MassMin) / MassStep;
        var maxX = AirCount - 1.000001;
        var maxY = MassCount - 1.000001;
        fx = fx < 0 ? 0 : (fx > maxX ? maxX : fx);
        fy = fy < 0 ? 0 : (fy > maxY ? maxY : fy);
        var i = (int)fx;
        var j = (int)fy;
        var wx = fx - i;
        var wy = fy - j;
        var k = (i * MassCount) + j;
        var low = (values[k] * (1 - wy)) + (values[k + 1] * wy);
        var high = (values[k + MassCount] * (1 - wy)) + (values[k + MassCount + 1] * wy);
        return (low * (1 - wx)) + (high * wx);
    }
}

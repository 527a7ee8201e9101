namespace ProofOfHeat.Control.Optimisation;

/// <summary>
/// <see cref="ThermalModel"/> discretised exactly over a fixed step with inputs held constant
/// (zero-order hold): x⁺ = E·x + F·g with g = ((P_air + H_io·T_out)/C_i, (P_mass + H_mo·T_out)/C_m).
/// The planner applies it millions of times per decision, so the step is two multiply-adds per node.
/// </summary>
public sealed class DiscreteThermalModel
{
    private readonly double _airToOutdoor;
    private readonly double _massToOutdoor;
    private readonly double _airCapacity;
    private readonly double _massCapacity;

    /// <summary>Discretises <paramref name="model"/> over <paramref name="step"/>, optionally with extra air-to-outdoor conductance (an open window).</summary>
    public DiscreteThermalModel(ThermalModel model, TimeSpan step, double extraAirToOutdoor = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(extraAirToOutdoor);
        Step = step;
        _airToOutdoor = model.AirToOutdoor + extraAirToOutdoor;
        _massToOutdoor = model.MassToOutdoor;
        _airCapacity = model.AirCapacity;
        _massCapacity = model.MassCapacity;
        var a = -(model.AirToMass + _airToOutdoor) / model.AirCapacity;
        var b = model.AirToMass / model.AirCapacity;
        var c = model.AirToMass / model.MassCapacity;
        var d = -(model.AirToMass + _massToOutdoor) / model.MassCapacity;

        // A has real, distinct, negative eigenvalues (similar to a symmetric negative-definite matrix),
        // so Sylvester's formula gives e^{At} in closed form.
        var seconds = step.TotalSeconds;
        var half = (a + d) / 2;
        var root = Math.Sqrt((((a - d) / 2) * ((a - d) / 2)) + (b * c));
        var l1 = half + root;
        var l2 = half - root;
        var x1 = Math.Exp(l1 * seconds);
        var x2 = Math.Exp(l2 * seconds);
        var span = l1 - l2;
        E11 = ((x1 * (a - l2)) - (x2 * (a - l1))) / span;
        E12 = (x1 - x2) * b / span;
        E21 = (x1 - x2) * c / span;
        E22 = ((x1 * (d - l2)) - (x2 * (d - l1))) / span;

        // F = (E − I)·A⁻¹.
        var det = (a * d) - (b * c);
        var i11 = d / det;
        var i12 = -b / det;
        var i21 = -c / det;
        var i22 = a / det;
        F11 = ((E11 - 1) * i11) + (E12 * i21);
        F12 = ((E11 - 1) * i12) + (E12 * i22);
        F21 = (E21 * i11) + ((E22 - 1) * i21);
        F22 = (E21 * i12) + ((E22 - 1) * i22);
    }

    /// <summary>The step this discretisation is for.</summary>
    public TimeSpan Step { get; }

    /// <summary>e^{A·step}, row 1 column 1.</summary>
    public double E11 { get; }

    /// <summary>e^{A·step}, row 1 column 2.</summary>
    public double E12 { get; }

    /// <summary>e^{A·step}, row 2 column 1.</summary>
    public double E21 { get; }

    /// <summary>e^{A·step}, row 2 column 2.</summary>
    public double E22 { get; }

    /// <summary>(E − I)·A⁻¹, row 1 column 1.</summary>
    public double F11 { get; }

    /// <summary>(E − I)·A⁻¹, row 1 column 2.</summary>
    public double F12 { get; }

    /// <summary>(E − I)·A⁻¹, row 2 column 1.</summary>
    public double F21 { get; }

    /// <summary>(E − I)·A⁻¹, row 2 column 2.</summary>
    public double F22 { get; }

    /// <summary>
    /// The input part of one step, (ΔT_air, ΔT_mass) = F·g, for heat to air and mass (W) at an
    /// outdoor temperature. The next state is E·x plus this.
    /// </summary>
    public (double Air, double Mass) Forcing(double airWatts, double massWatts, double outdoorTemperature)
    {
        var g1 = (airWatts + (_airToOutdoor * outdoorTemperature)) / _airCapacity;
        var g2 = (massWatts + (_massToOutdoor * outdoorTemperature)) / _massCapacity;
        return ((F11 * g1) + (F12 * g2), (F21 * g1) + (F22 * g2));
    }

    /// <summary>Advances (air, mass) by one step with constant inputs.</summary>
    public (double Air, double Mass) Next(double air, double mass, double airWatts, double massWatts, double outdoorTemperature)
    {
        var (fa, fm) = Forcing(airWatts, massWatts, outdoorTemperature);
        return ((E11 * air) + (E12 * mass) + fa, (E21 * air) + (E22 * mass) + fm);
    }
}

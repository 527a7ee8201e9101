namespace ProofOfHeat.Sim.House;

/// <summary>
/// A 2R2C house integrated exactly: over a step the heat inputs and the outdoor temperature are
/// held constant (zero-order hold), and the linear ODE is solved in closed form with the 2×2
/// matrix exponential. That is unconditionally stable for any step and, unlike Euler steps, does
/// not drift in energy: the heat lost is integrated along the exact trajectory.
/// </summary>
/// <remarks>
/// State x = (T_air, T_mass); x' = A·x + g with
/// A = [[−(H_im + H_io)/C_i, H_im/C_i], [H_im/C_m, −(H_im + H_mo)/C_m]] and
/// g = ((P_air + H_io·T_out)/C_i, (P_mass + H_mo·T_out)/C_m).
/// The deviation from the steady state x_ss = −A⁻¹g decays as e^{At}; its integral is A⁻¹(e^{At} − I).
/// </remarks>
public sealed class TwoNodeHouse
{
    private readonly double _a;
    private readonly double _b;
    private readonly double _c;
    private readonly double _d;
    private TimeSpan _cachedStep;
    private Matrix2 _exp;
    private Matrix2 _expIntegral;

    /// <summary>Creates the house with both nodes at <paramref name="initialAirTemperature"/> and <paramref name="initialMassTemperature"/>.</summary>
    public TwoNodeHouse(HouseParameters parameters, double initialAirTemperature, double initialMassTemperature)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        Parameters = parameters;
        AirTemperature = initialAirTemperature;
        MassTemperature = initialMassTemperature;
        _a = -(parameters.AirToMass + parameters.AirToOutdoor) / parameters.AirCapacity;
        _b = parameters.AirToMass / parameters.AirCapacity;
        _c = parameters.AirToMass / parameters.MassCapacity;
        _d = -(parameters.AirToMass + parameters.MassToOutdoor) / parameters.MassCapacity;
    }

    /// <summary>The parameters.</summary>
    public HouseParameters Parameters { get; }

    /// <summary>Temperature of the air node (what a room sensor sees), °C.</summary>
    public double AirTemperature { get; private set; }

    /// <summary>Temperature of the mass node, °C.</summary>
    public double MassTemperature { get; private set; }

    /// <summary>Heat stored in both nodes relative to 0 °C, J.</summary>
    public double StoredHeat => (Parameters.AirCapacity * AirTemperature) + (Parameters.MassCapacity * MassTemperature);

    /// <summary>Advances the house by <paramref name="step"/> with constant inputs and returns the step's energy account.</summary>
    public HouseStepResult Step(TimeSpan step, double outdoorTemperature, HeatInput input)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        var p = Parameters;
        var seconds = step.TotalSeconds;
        EnsureMatrices(step);

        var g1 = (input.ToAir + (p.AirToOutdoor * outdoorTemperature)) / p.AirCapacity;
        var g2 = (input.ToMass + (p.MassToOutdoor * outdoorTemperature)) / p.MassCapacity;
        var inverse = Inverse();
        var steadyAir = -((inverse.M11 * g1) + (inverse.M12 * g2));
        var steadyMass = -((inverse.M21 * g1) + (inverse.M22 * g2));

        var deviationAir = AirTemperature - steadyAir;
        var deviationMass = MassTemperature - steadyMass;
        var before = StoredHeat;

        var integralAir = (steadyAir * seconds) + (_expIntegral.M11 * deviationAir) + (_expIntegral.M12 * deviationMass);
        var integralMass = (steadyMass * seconds) + (_expIntegral.M21 * deviationAir) + (_expIntegral.M22 * deviationMass);
        AirTemperature = steadyAir + (_exp.M11 * deviationAir) + (_exp.M12 * deviationMass);
        MassTemperature = steadyMass + (_exp.M21 * deviationAir) + (_exp.M22 * deviationMass);

        var lost = (p.AirToOutdoor * (integralAir - (outdoorTemperature * seconds)))
            + (p.MassToOutdoor * (integralMass - (outdoorTemperature * seconds)));
        return new HouseStepResult(input.Total * seconds, lost, StoredHeat - before);
    }

    private Matrix2 Inverse()
    {
        var det = (_a * _d) - (_b * _c);
        return new Matrix2(_d / det, -_b / det, -_c / det, _a / det);
    }

    private void EnsureMatrices(TimeSpan step)
    {
        if (step == _cachedStep)
        {
            return;
        }

        // A has real, distinct, negative eigenvalues (it is similar to a symmetric negative-definite
        // matrix), so Sylvester's formula for two eigenvalues applies.
        var seconds = step.TotalSeconds;
        var half = (_a + _d) / 2;
        var root = Math.Sqrt((((_a - _d) / 2) * ((_a - _d) / 2)) + (_b * _c));
        var l1 = half + root;
        var l2 = half - root;
        var e1 = Math.Exp(l1 * seconds);
        var e2 = Math.Exp(l2 * seconds);
        var span = l1 - l2;
        _exp = new Matrix2(
            ((e1 * (_a - l2)) - (e2 * (_a - l1))) / span,
            ((e1 - e2) * _b) / span,
            ((e1 - e2) * _c) / span,
            ((e1 * (_d - l2)) - (e2 * (_d - l1))) / span);

        var inverse = Inverse();
        var m11 = _exp.M11 - 1;
        var m22 = _exp.M22 - 1;
        _expIntegral = new Matrix2(
            (inverse.M11 * m11) + (inverse.M12 * _exp.M21),
            (inverse.M11 * _exp.M12) + (inverse.M12 * m22),
            (inverse.M21 * m11) + (inverse.M22 * _exp.M21),
            (inverse.M21 * _exp.M12) + (inverse.M22 * m22));
        _cachedStep = step;
    }

    private readonly record struct Matrix2(double M11, double M12, double M21, double M22);
}

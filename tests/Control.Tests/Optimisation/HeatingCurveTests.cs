using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Control.Tests.Optimisation;

public class HeatingCurveTests
{
    [Fact]
    public void Follows_the_slope_and_shift_form_and_clips()
    {
        var curve = new HeatingCurve(Slope: 1.0, Shift: 2, MinimumFlow: 25, MaximumFlow: 55);
        Assert.Equal(21 + 21 + 2, curve.Flow(21, 0), 9);
        Assert.Equal(25, curve.Flow(21, 20), 9);
        Assert.Equal(55, curve.Flow(21, -30), 9);
    }

    [Fact]
    public void Part_load_needs_a_lower_flow_than_full_load()
    {
        var curve = new HeatingCurve();
        var part = curve.FlowForPower(21, 2000, 5200);
        var full = curve.FlowForPower(21, 5200, 5200);
        Assert.True(part < full);
        Assert.Equal(curve.Flow(21, -10), full, 6);
    }

    [Fact]
    public void The_heat_pump_cop_rises_as_the_flow_falls_and_is_capped()
    {
        var options = new PlannerOptions();
        Assert.True(SourceEconomics.HeatPumpCop(30, 7, options) > SourceEconomics.HeatPumpCop(50, 7, options));
        Assert.Equal(options.HeatPumpMaximumCop, SourceEconomics.HeatPumpCop(25, 24, options));
    }
}

using ProofOfHeat.Apps.Safety.Options;
using ProofOfHeat.Apps.Safety.Policies;

namespace ProofOfHeat.Apps.Safety.Tests.Policies;

public sealed class ThermalZonePolicyTests
{
    private static ThermalZonePolicy Cellar() => new(new ThermalZoneOptions
    {
        Name = "cellar", Sensor = "sensor.cellar", FrostLimit = 5, Heat = ["switch.cellar_heater"], OverTemperature = 30, Sources = ["switch.cellar_heater"], Hysteresis = 1,
    });

    [Fact]
    public void BelowFrost_ForcesHeat_UntilAHysteresisAbove()
    {
        var policy = Cellar();

        Assert.Equal(ThermalForce.Heat, policy.Evaluate(4.9));
        Assert.Null(policy.Evaluate(5.5));
        Assert.Equal(ThermalForce.Heat, policy.Force);
        Assert.Equal(ThermalForce.None, policy.Evaluate(6.0));
    }

    [Fact]
    public void AboveOverTemperature_ForcesSourcesOff_UntilAHysteresisBelow()
    {
        var policy = Cellar();

        Assert.Equal(ThermalForce.SourcesOff, policy.Evaluate(30.5));
        Assert.Null(policy.Evaluate(29.5));
        Assert.Equal(ThermalForce.None, policy.Evaluate(29.0));
    }

    [Fact]
    public void UnreadableTemperature_KeepsTheForce()
    {
        var policy = Cellar();
        policy.Evaluate(2);

        Assert.Null(policy.Evaluate(null));
        Assert.Null(policy.Evaluate(double.NaN));
        Assert.Equal(ThermalForce.Heat, policy.Force);
    }

    [Fact]
    public void WithinTheBand_NothingIsForced()
    {
        var policy = Cellar();

        Assert.Null(policy.Evaluate(18));
        Assert.Equal(ThermalForce.None, policy.Force);
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ProofOfHeat.Apps.Safety.Policies;

namespace ProofOfHeat.Apps.Safety.Tests.Policies;

public sealed class HazardPolicyTests
{
    private const string Kitchen = "binary_sensor.leak_kitchen";
    private const string Bath = "binary_sensor.leak_bath";

    [Fact]
    public void SensorGoingOn_Acts_AndRepeatedOn_DoesNotActAgain()
    {
        var policy = new HazardPolicy([Kitchen, Bath]);

        Assert.True(policy.Evaluate(Kitchen, "on").Act);
        Assert.False(policy.Evaluate(Kitchen, "on").Act);
        Assert.Equal([Kitchen], policy.Triggered);
    }

    [Fact]
    public void SecondSensor_ActsAgain_AndResolvesOnlyWhenBothAreDry()
    {
        var policy = new HazardPolicy([Kitchen, Bath]);
        policy.Evaluate(Kitchen, "on");

        var second = policy.Evaluate(Bath, "on");
        var firstDry = policy.Evaluate(Kitchen, "off");
        var bothDry = policy.Evaluate(Bath, "off");

        Assert.True(second.Act);
        Assert.Equal([Kitchen, Bath], second.Triggered);
        Assert.False(firstDry.Resolved);
        Assert.True(bothDry.Resolved);
        Assert.False(policy.Active);
    }

    [Theory]
    [InlineData("unavailable")]
    [InlineData("unknown")]
    [InlineData(null)]
    public void SensorDroppingOff_DuringALeak_DoesNotResolveIt(string? state)
    {
        var policy = new HazardPolicy([Kitchen]);
        policy.Evaluate(Kitchen, "on");

        var decision = policy.Evaluate(Kitchen, state);

        Assert.False(decision.Resolved);
        Assert.True(policy.Active);
    }

    [Fact]
    public void OtherEntities_AreIgnored()
    {
        var policy = new HazardPolicy([Kitchen]);

        Assert.False(policy.Evaluate("binary_sensor.door", "on").Act);
        Assert.False(policy.Active);
    }

    [Property(MaxTest = 200)]
    public Property ActsExactlyOncePerDryToWetTransition(bool[] readings)
    {
        var policy = new HazardPolicy([Kitchen]);
        var acts = readings.Count(wet => policy.Evaluate(Kitchen, wet ? "on" : "off").Act);
        var transitions = readings.Select((wet, i) => wet && (i == 0 || !readings[i - 1])).Count(t => t);
        return (acts == transitions).ToProperty();
    }
}

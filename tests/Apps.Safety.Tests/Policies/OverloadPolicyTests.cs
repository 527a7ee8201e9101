using ProofOfHeat.Apps.Safety.Options;
using ProofOfHeat.Apps.Safety.Policies;

namespace ProofOfHeat.Apps.Safety.Tests.Policies;

public sealed class OverloadPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 18, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlySet<string> NoneHeld = new HashSet<string>();

    private static OverloadOptions Options() => new()
    {
        Meter = "sensor.main_power",
        LimitWatts = 5750,
        RestoreHysteresisWatts = 500,
        MinimumOff = TimeSpan.FromMinutes(5),
        RestoreInterval = TimeSpan.FromSeconds(30),
        Loads =
        [
            new SheddableLoadOptions { Id = "switch.towel_heater", Kind = "switch", Watts = 1500 },
            new SheddableLoadOptions { Id = "avalon_mini", Kind = "miner", Watts = 800 },
            new SheddableLoadOptions { Id = "bos_s19", Kind = "miner", Watts = 3000 },
        ],
    };

    [Fact]
    public void Over_ShedsMinersFirst_InConfigOrder_UntilTheExcessIsCovered()
    {
        var policy = new OverloadPolicy(Options());

        var decision = policy.Evaluate(6400, T0, NoneHeld, _ => true);

        Assert.Equal(["avalon_mini"], decision.Shed.Select(l => l.Id));
        Assert.True(decision.Overloaded);
    }

    [Fact]
    public void LargeExcess_ShedsMinersThenResistiveHeaters()
    {
        var policy = new OverloadPolicy(Options());

        var decision = policy.Evaluate(10_500, T0, NoneHeld, _ => true);

        Assert.Equal(["avalon_mini", "bos_s19", "switch.towel_heater"], decision.Shed.Select(l => l.Id));
        Assert.Equal(0, decision.Uncovered);
    }

    [Fact]
    public void HeldLoads_AndLoadsAlreadyOff_AreNeverShed()
    {
        var policy = new OverloadPolicy(Options());
        var held = new HashSet<string> { "switch.towel_heater" };

        var decision = policy.Evaluate(12_000, T0, held, l => l.Id != "avalon_mini");

        Assert.Equal(["bos_s19"], decision.Shed.Select(l => l.Id));
        Assert.Equal(12_000 - 5750 - 3000, decision.Uncovered);
    }

    [Fact]
    public void MeterNotYetShowingTheShed_DoesNotShedMore()
    {
        var policy = new OverloadPolicy(Options());
        policy.Evaluate(6400, T0, NoneHeld, _ => true);

        var lagging = policy.Evaluate(6400, T0.AddSeconds(3), NoneHeld, _ => true);

        Assert.Empty(lagging.Shed);
    }

    [Fact]
    public void Restore_WaitsForTheMinimumOffTime_AndTheHysteresis_OneAtATime()
    {
        var policy = new OverloadPolicy(Options());
        policy.Evaluate(9000, T0, NoneHeld, _ => true); // sheds both miners

        Assert.Empty(policy.Evaluate(3000, T0.AddMinutes(4), NoneHeld, _ => true).Restore);
        // 4,900 + 3,000 would be above 5,750 - 500: not yet.
        Assert.Empty(policy.Evaluate(4900, T0.AddMinutes(6), NoneHeld, _ => true).Restore);
        var first = policy.Evaluate(2000, T0.AddMinutes(6), NoneHeld, _ => true);
        var tooSoon = policy.Evaluate(2000, T0.AddMinutes(6).AddSeconds(10), NoneHeld, _ => true);
        var second = policy.Evaluate(2000, T0.AddMinutes(7), NoneHeld, _ => true);

        Assert.Equal(["bos_s19"], first.Restore.Select(l => l.Id));
        Assert.Empty(tooSoon.Restore);
        Assert.Equal(["avalon_mini"], second.Restore.Select(l => l.Id));
        Assert.Empty(policy.ShedLoads);
    }

    [Fact]
    public void ShedFailed_PassesTheLoadOver_AndTheNextGoes()
    {
        var policy = new OverloadPolicy(Options());
        policy.Evaluate(6400, T0, NoneHeld, _ => true);

        policy.ShedFailed("avalon_mini", T0);
        var next = policy.Evaluate(6400, T0, NoneHeld, _ => true);

        Assert.Equal(["bos_s19"], next.Shed.Select(l => l.Id));
    }

    [Theory]
    [InlineData(5000)]
    [InlineData(5750)]
    public void AtOrBelowTheLimit_NothingIsShed(double watts)
    {
        var policy = new OverloadPolicy(Options());

        Assert.True(policy.Evaluate(watts, T0, NoneHeld, _ => true).IsEmpty);
    }
}

using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Apps.Miners.Tests.Fakes;
using ProofOfHeat.Apps.Miners.Thermal;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Tests.Thermal;

/// <summary>Issue 10: a running miner whose temperature is unknown is throttled at once and alerted on after the limit.</summary>
public sealed class UnknownTemperaturePolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);
    private readonly MinerOverheatPolicy _policy = new(new MinerOverheatOptions { UnknownTemperatureAlertAfter = TimeSpan.FromMinutes(10) });

    [Fact]
    public void Unknown_Throttles_ThenAlertsOnceAfterTheLimit_ThenLetsGoWhenSeenCool()
    {
        var first = _policy.Decide(MinerThermalState.Normal, Blind(T0), FakeMinerFamily.Continuous, null, T0);
        Assert.Equal(MinerCommand.SetPower(2500), first.Command);
        Assert.Equal(MinerAlertKind.Throttled, first.Alert);
        Assert.Equal(T0, first.State.UnknownSince);

        var before = _policy.Decide(first.State, Blind(T0.AddMinutes(9)), FakeMinerFamily.Continuous, null, T0.AddMinutes(9));
        Assert.Null(before.Alert);
        Assert.Null(before.Command);

        var after = _policy.Decide(before.State, Blind(T0.AddMinutes(10)), FakeMinerFamily.Continuous, null, T0.AddMinutes(10));
        Assert.Equal(MinerAlertKind.TemperatureUnknown, after.Alert);
        Assert.Contains("temperature unknown for 10 min", after.Message, StringComparison.Ordinal);
        Assert.Null(after.Command);

        var again = _policy.Decide(after.State, Blind(T0.AddMinutes(20)), FakeMinerFamily.Continuous, null, T0.AddMinutes(20));
        Assert.Null(again.Alert);

        var seen = _policy.Decide(again.State, Cool(T0.AddMinutes(21)), FakeMinerFamily.Continuous, null, T0.AddMinutes(21));
        Assert.Equal(MinerAlertKind.Recovered, seen.Alert);
        Assert.Equal(MinerThermalState.Normal, seen.State);
    }

    [Fact]
    public void MiningWithNoTemperaturesInTheReply_IsUnknownToo()
    {
        var reading = new MinerReading { At = T0, Status = MinerStatus.Mining, PowerLimitWatts = 3000 };

        var decision = _policy.Decide(MinerThermalState.Normal, reading, FakeMinerFamily.Continuous, null, T0);

        Assert.Equal(MinerThermalLevel.Throttled, decision.State.Level);
        Assert.Equal(MinerCommand.SetPower(2500), decision.Command);
    }

    [Fact]
    public void SleepingWithoutTemperature_IsNotBlind()
    {
        var reading = new MinerReading { At = T0, Status = MinerStatus.Sleeping };

        var decision = _policy.Decide(MinerThermalState.Normal, reading, FakeMinerFamily.Continuous, null, T0);

        Assert.Null(decision.Command);
        Assert.Null(decision.Alert);
    }

    private static MinerReading Blind(DateTimeOffset at) =>
        new() { At = at, Status = MinerStatus.Faulted, PowerLimitWatts = 3000, Errors = ["bad reply: 'estats' reply is not JSON"] };

    private static MinerReading Cool(DateTimeOffset at) =>
        new() { At = at, Status = MinerStatus.Mining, PowerLimitWatts = 2500, ChipTemperatures = [60], BoardTemperatures = [50] };
}

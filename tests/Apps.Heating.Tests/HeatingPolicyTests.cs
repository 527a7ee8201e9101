namespace ProofOfHeat.Apps.Heating.Tests;

public sealed class HeatingPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 7, 0, 0, TimeSpan.Zero);
    private static readonly HeatingPolicy Policy = new(new HeatingOptions());

    [Fact]
    public void Decide_ColdRoomColdOutside_FullPower()
    {
        var decision = Policy.Decide(new HeatingReadings(18.5, Now, -5), Now);
        Assert.Equal(3000, decision.PowerWatts);
        Assert.Equal(1, decision.OnFraction);
    }

    [Fact]
    public void Decide_OutdoorUnknown_SaysSoAndUsesRoomTermOnly()
    {
        var decision = Policy.Decide(new HeatingReadings(20, Now, null), Now);
        Assert.Equal(0.6, decision.OnFraction, 9);
        Assert.Equal(2000, decision.PowerWatts);
        Assert.Equal("TPI 60%, outdoor unknown", decision.Reason);
    }

    [Fact]
    public void Decide_LastSeenExactlyAtTimeout_StillTrusted()
    {
        var decision = Policy.Decide(new HeatingReadings(20, Now.AddMinutes(-30), 0), Now);
        Assert.StartsWith("TPI", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_LastSeenPastTimeout_Fallback()
    {
        var decision = Policy.Decide(new HeatingReadings(20, Now.AddMinutes(-31), 0), Now);
        Assert.Equal(HeatingPolicy.SilentSensorReason, decision.Reason);
        Assert.Equal(1000, decision.PowerWatts);
    }

    [Fact]
    public void Decide_NeverSeen_Fallback()
    {
        var decision = Policy.Decide(new HeatingReadings(20, null, 0), Now);
        Assert.Equal(HeatingPolicy.SilentSensorReason, decision.Reason);
    }
}

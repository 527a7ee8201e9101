namespace ProofOfHeat.Drivers.Miners.Tests;

public sealed class MinerCapabilitiesTests
{
    private static readonly MinerCapabilities Avalon = new()
    {
        Model = "Avalon Nano 3",
        CanSleep = true,
        PowerControl = MinerPowerControl.Tiers,
        Tiers = [new("0", 60), new("1", 90), new("2", 140)],
        PowerChangeRestarts = false,
        TypicalSettleTime = TimeSpan.FromSeconds(10),
        ReportsPower = true,
    };

    [Theory]
    [InlineData(140, "2")]
    [InlineData(139, "1")]
    [InlineData(90, "1")]
    [InlineData(61, "0")]
    [InlineData(10, "0")]
    public void A_watt_target_on_a_tiered_miner_takes_the_highest_tier_not_above_it(int watts, string tier)
    {
        Assert.Equal(MinerCommand.SetTier(tier), Avalon.Resolve(MinerCommand.SetPower(watts)));
    }

    [Fact]
    public void An_unknown_tier_names_the_known_ones()
    {
        var e = Assert.Throws<MinerUnsupportedException>(() => Avalon.Resolve(MinerCommand.SetTier("turbo")));
        Assert.Contains("0, 1, 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sleep_on_a_miner_that_cannot_is_refused()
    {
        var stock = Avalon with { CanSleep = false, PowerControl = MinerPowerControl.None, Tiers = [] };

        Assert.Throws<MinerUnsupportedException>(() => stock.Resolve(MinerCommand.Sleep));
        Assert.Throws<MinerUnsupportedException>(() => stock.Resolve(MinerCommand.SetPower(100)));
    }

    [Theory]
    [InlineData(500, 1200)]
    [InlineData(1299, 1200)]
    [InlineData(1300, 1300)]
    [InlineData(9999, 3500)]
    public void Continuous_targets_are_clamped_and_stepped_from_the_minimum(int asked, int taken)
    {
        var bos = Avalon with
        {
            PowerControl = MinerPowerControl.Continuous, Tiers = [], MinimumPowerWatts = 1200, MaximumPowerWatts = 3500, PowerStepWatts = 100,
        };

        Assert.Equal(taken, bos.ClampPower(asked));
    }
}

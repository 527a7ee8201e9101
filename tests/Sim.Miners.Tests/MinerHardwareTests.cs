using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Sim.Miners.Tests;

public sealed class MinerHardwareTests
{
    private static readonly MinerHardwareSpec S19 = new()
    {
        Model = "Antminer S19",
        NominalPowerWatts = 3000,
        MinimumPowerWatts = 1000,
        JoulesPerTerahash = 30,
        SettleTime = TimeSpan.FromSeconds(60),
        RestartDuration = TimeSpan.FromSeconds(90),
        WarmUpDuration = TimeSpan.FromSeconds(60),
    };

    [Fact]
    public void Starts_mining_at_nameplate_with_hashrate_from_its_efficiency()
    {
        var miner = new MinerHardware(S19, new FakeTimeProvider());

        var state = miner.Read();

        Assert.Equal(MinerPhase.Mining, state.Phase);
        Assert.Equal(3000, state.PowerWatts);
        Assert.Equal(100, state.HashrateTerahash, 6);
    }

    [Fact]
    public void Power_follows_a_lower_target_linearly_within_the_settle_time_and_energy_is_its_integral()
    {
        var time = new FakeTimeProvider();
        var miner = new MinerHardware(S19, time);

        miner.SetPowerTarget(1500);
        time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(2250, miner.Read().PowerWatts, 6);
        time.Advance(TimeSpan.FromSeconds(45));
        var settled = miner.Read();

        Assert.Equal(1500, settled.PowerWatts, 6);
        // 30 s ramp 3000→1500 (mean 2250 W) then 30 s at 1500 W.
        Assert.Equal((2250 * 30) + (1500 * 30), settled.EnergyJoules, 3);
    }

    [Fact]
    public void Lower_power_hashes_more_efficiently()
    {
        var time = new FakeTimeProvider();
        var miner = new MinerHardware(S19, time);
        var full = miner.Read();

        miner.SetPowerTarget(1000);
        time.Advance(TimeSpan.FromMinutes(5));
        var low = miner.Read();

        var fullJth = full.PowerWatts / full.HashrateTerahash;
        var lowJth = low.PowerWatts / low.HashrateTerahash;
        Assert.Equal(30, fullJth, 6);
        Assert.Equal(27, lowJth, 6);
    }

    [Fact]
    public void Targets_are_clamped_to_the_range()
    {
        var miner = new MinerHardware(S19, new FakeTimeProvider());

        Assert.Equal(3000, miner.SetPowerTarget(9000));
        Assert.Equal(1000, miner.SetPowerTarget(10));
    }

    [Fact]
    public void Sleep_drops_to_the_control_board_draw_and_wake_warms_up_before_hashing()
    {
        var time = new FakeTimeProvider();
        var miner = new MinerHardware(S19, time);

        miner.Sleep();
        time.Advance(TimeSpan.FromMinutes(2));
        var asleep = miner.Read();
        Assert.Equal(MinerPhase.Sleeping, asleep.Phase);
        Assert.Equal(S19.SleepPowerWatts, asleep.PowerWatts, 6);
        Assert.Equal(0, asleep.HashrateTerahash);

        miner.Wake();
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(MinerPhase.Starting, miner.Read().Phase);
        Assert.Equal(0, miner.Read().HashrateTerahash);
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(MinerPhase.Mining, miner.Read().Phase);
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(3000, miner.Read().PowerWatts, 6);
    }

    [Fact]
    public void A_change_that_restarts_takes_the_api_down_then_warms_up_and_resets_uptime()
    {
        var time = new FakeTimeProvider();
        var miner = new MinerHardware(S19, time);
        time.Advance(TimeSpan.FromHours(1));

        miner.SetPowerTarget(2000, restarts: true);
        time.Advance(TimeSpan.FromSeconds(89));
        Assert.True(miner.Read().IsApiDown);
        time.Advance(TimeSpan.FromSeconds(2));
        var starting = miner.Read();
        Assert.Equal(MinerPhase.Starting, starting.Phase);
        Assert.Equal(TimeSpan.FromSeconds(1), starting.Uptime);
        time.Advance(TimeSpan.FromMinutes(3));

        var back = miner.Read();
        Assert.Equal(MinerPhase.Mining, back.Phase);
        Assert.Equal(2000, back.PowerWatts, 6);
        Assert.Equal(1, miner.RestartCount);
    }

    [Fact]
    public void Chips_warm_towards_intake_plus_rise_and_a_hot_room_makes_them_hotter()
    {
        var time = new FakeTimeProvider();
        var miner = new MinerHardware(S19, time, intakeTemperature: 20);
        var cool = miner.Read();
        Assert.Equal(20 + (12 * 3), cool.ChipTemperature, 6);
        Assert.Equal((int)Math.Round(S19.FanMaximumRpm * (56 - 30) / 50.0), cool.FanRpm);

        miner.IntakeTemperature = 45;
        time.Advance(TimeSpan.FromMinutes(3));
        var oneTau = miner.Read().ChipTemperature;
        time.Advance(TimeSpan.FromMinutes(30));
        var steady = miner.Read();

        Assert.Equal(56 + (25 * (1 - Math.Exp(-1))), oneTau, 6);
        Assert.Equal(81, steady.ChipTemperature, 3);
        Assert.True(steady.BoardTemperature < steady.ChipTemperature);
        Assert.Equal(S19.FanMaximumRpm, steady.FanRpm);
    }
}

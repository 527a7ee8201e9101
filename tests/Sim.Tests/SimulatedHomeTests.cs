namespace ProofOfHeat.Sim.Tests;

public sealed class SimulatedHomeTests
{
    [Fact]
    public void Step_SameOptions_SameRun()
    {
        var a = new SimulatedHome();
        var b = new SimulatedHome();
        a.SetMinerPower(2000);
        b.SetMinerPower(2000);
        for (var i = 0; i < 600; i++)
        {
            Assert.Equal(a.Step(), b.Step());
        }

        Assert.Equal(a.House.AirTemperature, b.House.AirTemperature);
    }

    [Fact]
    public void Step_AdvancesClockByStep()
    {
        var home = new SimulatedHome();
        var start = home.Now;
        home.Step();
        Assert.Equal(start + TimeSpan.FromSeconds(60), home.Now);
    }

    [Fact]
    public void Step_ManyHours_LedgerBalancesStoredHeat()
    {
        var home = new SimulatedHome();
        var before = home.House.StoredHeat;
        home.SetMinerPower(3000);
        home.AdvanceTo(home.Now.AddHours(12));
        var stored = home.House.StoredHeat - before;
        Assert.True(Math.Abs(home.TotalHeatIn - home.TotalHeatLost - stored) < 1e-6 * home.TotalHeatIn);
    }

    [Fact]
    public void Step_MinerOnVersusOff_MinerHomeIsWarmer()
    {
        var heated = new SimulatedHome();
        var cold = new SimulatedHome();
        heated.SetMinerPower(3000);
        heated.AdvanceTo(heated.Now.AddHours(3));
        cold.AdvanceTo(cold.Now.AddHours(3));
        Assert.True(heated.House.AirTemperature > cold.House.AirTemperature + 1);
        Assert.True(cold.House.AirTemperature < cold.Options.InitialAirTemperature);
    }

    [Fact]
    public void Step_RoomSensorSilent_NoRoomReports()
    {
        var home = new SimulatedHome();
        home.RoomSensor.IsSilent = true;
        var readings = home.AdvanceTo(home.Now.AddHours(1));
        Assert.DoesNotContain(readings, r => r.SensorId == SimulatedHome.RoomSensorId);
        Assert.Contains(readings, r => r.SensorId == SimulatedHome.OutdoorSensorId);
    }

    [Fact]
    public void Step_QuietHour_RoomSensorReportsAtLeastEveryFiveMinutes()
    {
        var home = new SimulatedHome();
        var readings = home.AdvanceTo(home.Now.AddHours(1)).Where(r => r.SensorId == SimulatedHome.RoomSensorId).ToList();
        Assert.True(readings.Count >= 12);
        var times = readings.Select(r => r.At).Prepend(home.Options.Start).ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First <= TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Constructor_BothSensorsHaveAFirstReading()
    {
        var home = new SimulatedHome();
        Assert.NotNull(home.RoomSensor.LastReading);
        Assert.NotNull(home.OutdoorSensor.LastReading);
    }

    [Fact]
    public void AddHeatSource_DuplicateId_Throws()
    {
        var home = new SimulatedHome();
        Assert.Throws<ArgumentException>(() => home.AddHeatSource(new Devices.SimulatedMiner(SimulatedHome.MinerId)));
    }
}

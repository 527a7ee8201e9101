using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Heating.Tests;

public sealed class HeatingAppTests
{
    private const string Room = "sensor.living_room_temperature";
    private const string Outdoor = "sensor.outdoor_temperature";
    private const string Miner = "number.demo_miner_power_limit";

    private readonly FakeTimeProvider _time = new();
    private readonly FakeHaContext _ha;
    private readonly FakeAppScheduler _scheduler;
    private readonly HeatingDecisionJournal _journal = new(capacity: 50);

    public HeatingAppTests()
    {
        _ha = new FakeHaContext(_time);
        _scheduler = new FakeAppScheduler(_time);
    }

    private HeatingApp StartApp(HeatingOptions? options = null) =>
        new(_ha, _scheduler, new StaticConfig(options ?? new HeatingOptions()), _journal, NullLogger<HeatingApp>.Instance);

    private static double CommandedWatts(ServiceCall call) =>
        JsonSerializer.SerializeToElement(call.Data).GetProperty("value").GetDouble();

    [Fact]
    public void DecideAsync_FirstPeriod_CallsSetValueOnMinerWithTpiLevel()
    {
        _ha.SetState(Room, "20.0");
        _ha.SetState(Outdoor, "1.0");
        using var app = StartApp();

        _time.Advance(TimeSpan.FromSeconds(30));

        // TPI: 0.6·(21 − 20) + 0.01·(21 − 1) = 0.8 → 2400 W → nearest level 2000 W.
        var call = Assert.Single(_ha.Calls);
        Assert.Equal("number", call.Domain);
        Assert.Equal("set_value", call.Service);
        Assert.Equal([Miner], call.Target!.EntityIds!);
        Assert.Equal(2000, CommandedWatts(call));
        var decision = Assert.Single(_journal.Latest(10));
        Assert.Equal(2000, decision.PowerWatts);
        Assert.Equal(20.0, decision.RoomTemperature);
        Assert.Equal(1.0, decision.OutdoorTemperature);
        Assert.Equal(21, decision.TargetTemperature);
        Assert.Equal("TPI 80%", decision.Reason);
        Assert.Empty(_scheduler.Failures);
    }

    [Fact]
    public void DecideAsync_BeforeFirstDecisionAfter_NothingHappens()
    {
        _ha.SetState(Room, "20.0");
        using var app = StartApp();
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(_ha.Calls);
    }

    [Fact]
    public void DecideAsync_EveryControlPeriod_OneDecision()
    {
        using var app = StartApp();
        for (var minute = 0; minute <= 60; minute += 5)
        {
            _ha.SetState(Room, "20.8", new { last_seen = minute });
            _ha.SetState(Outdoor, "3.0");
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        // First at 30 s, then every 10 min: 0:00:30, 0:10:30 … 1:00:30 → 7 decisions in 65 min.
        Assert.Equal(7, _journal.Latest(100).Count);
    }

    [Fact]
    public void DecideAsync_WarmRoom_CommandsZero()
    {
        _ha.SetState(Room, "22.5");
        _ha.SetState(Outdoor, "10");
        using var app = StartApp();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, CommandedWatts(Assert.Single(_ha.Calls)));
    }

    [Fact]
    public void DecideAsync_RoomSensorSilentForThirtyMinutes_FallsBackToModestPower()
    {
        _ha.SetState(Room, "20.9");
        _ha.SetState(Outdoor, "5");
        using var app = StartApp();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("TPI 22%", _journal.Latest(1)[0].Reason);

        _time.Advance(TimeSpan.FromMinutes(30));

        var last = _journal.Latest(1)[0];
        Assert.Equal(HeatingPolicy.SilentSensorReason, last.Reason);
        Assert.Equal(1000, last.PowerWatts);
        Assert.Equal(1000, CommandedWatts(_ha.Calls[^1]));
    }

    [Fact]
    public void DecideAsync_HeartbeatsKeepArriving_NoFallback()
    {
        _ha.SetState(Room, "20.9");
        using var app = StartApp();
        for (var i = 0; i < 24; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(5));
            _ha.SetState(Room, "20.9", new { last_seen = i });
        }

        Assert.DoesNotContain(_journal.Latest(100), d => d.Reason == HeatingPolicy.SilentSensorReason);
    }

    [Fact]
    public void DecideAsync_RoomUnavailable_FallsBack()
    {
        _ha.SetState(Room, "unavailable");
        using var app = StartApp();
        _time.Advance(TimeSpan.FromSeconds(30));
        var decision = Assert.Single(_journal.Latest(10));
        Assert.Equal(HeatingPolicy.SilentSensorReason, decision.Reason);
        Assert.Null(decision.RoomTemperature);
    }

    [Fact]
    public void OnRoomChanged_SensorReturnsAfterSilence_DecidesAtOnce()
    {
        _ha.SetState(Room, "unavailable");
        using var app = StartApp();
        _time.Advance(TimeSpan.FromSeconds(30));

        _ha.SetState(Room, "19.0");

        Assert.Equal(2, _journal.Latest(10).Count);
        Assert.StartsWith("TPI", _journal.Latest(1)[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnRoomChanged_LargeDrop_DecidesAtOnce()
    {
        _ha.SetState(Room, "21.0");
        _ha.SetState(Outdoor, "5");
        using var app = StartApp();
        _time.Advance(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromMinutes(1));

        _ha.SetState(Room, "20.8");
        Assert.Single(_journal.Latest(10));

        _ha.SetState(Room, "20.4");
        Assert.Equal(2, _journal.Latest(10).Count);
        Assert.Equal(20.4, _journal.Latest(1)[0].RoomTemperature);
    }

    [Fact]
    public void DecideAsync_ServiceFails_RecordsFailureInReason()
    {
        _ha.SetState(Room, "20.0");
        _ha.FailWith = _ => new ServiceCallException("not_found", "no such entity");
        using var app = StartApp();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.EndsWith("command failed: not_found", _journal.Latest(1)[0].Reason, StringComparison.Ordinal);
        Assert.Empty(_scheduler.Failures);
    }

    [Fact]
    public void DecideAsync_InputNumberHeater_UsesItsDomain()
    {
        _ha.SetState(Room, "20.0");
        using var app = StartApp(new HeatingOptions { HeaterPowerEntity = "input_number.heater_watts" });
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("input_number", Assert.Single(_ha.Calls).Domain);
    }

    [Fact]
    public void Constructor_NoPowerLevels_Throws()
    {
        Assert.Throws<ArgumentException>(() => StartApp(new HeatingOptions { PowerLevels = [] }));
    }
}

using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Heating.Tests;

/// <summary>The app configured in the one-zone form (a room sensor and a heater's power entity), which runs as one zone.</summary>
public sealed class HeatingAppTests
{
    private const string Room = "sensor.lounge_temperature";
    private const string Outdoor = "sensor.outside";
    private const string Heater = "number.heater_power";

    private readonly FakeTimeProvider _time = new();
    private readonly FakeHaContext _ha;
    private readonly FakeAppScheduler _scheduler;
    private readonly HeatingDecisionJournal _journal = new(capacity: 200);

    public HeatingAppTests()
    {
        _ha = new FakeHaContext(_time);
        _scheduler = new FakeAppScheduler(_time);
    }

    private static HeatingOptions OneZone(Action<HeatingOptions>? change = null)
    {
        var options = new HeatingOptions { RoomTemperatureEntity = Room, OutdoorTemperatureEntity = Outdoor, HeaterPowerEntity = Heater };
        change?.Invoke(options);
        return options;
    }

    private HeatingApp StartApp(HeatingOptions? options = null)
    {
        var app = new HeatingApp(_ha, _scheduler, new StaticConfig(options ?? OneZone()), _journal, NullLogger<HeatingApp>.Instance);
        app.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        return app;
    }

    private static double CommandedWatts(ServiceCall call) =>
        JsonSerializer.SerializeToElement(call.Data).GetProperty("value").GetDouble();

    [Fact]
    public void DecideAsync_FirstPeriod_SetsTheHeaterToTheUpperBracketingLevelThenTheLower()
    {
        _ha.SetState(Room, "20.0");
        _ha.SetState(Outdoor, "1.0");
        using var app = StartApp();

        _time.Advance(TimeSpan.FromSeconds(30));

        // TPI: 0.6·(21 − 20) + 0.01·(21 − 1) = 0.8 → 2400 W of 3000: 3000 W for 40 % of the 10-minute cycle, then 2000 W.
        var call = Assert.Single(_ha.Calls);
        Assert.Equal("number", call.Domain);
        Assert.Equal("set_value", call.Service);
        Assert.Equal([Heater], call.Target!.EntityIds!);
        Assert.Equal(3000, CommandedWatts(call));
        var decision = Assert.Single(_journal.Latest(10));
        Assert.Equal("home", decision.Zone);
        Assert.Equal(ZoneRule.Tpi, decision.Rule);
        Assert.Equal(0.8, decision.OnFraction, 9);
        Assert.Equal(20.0, decision.RoomTemperature);
        Assert.Equal(1.0, decision.OutdoorTemperature);
        Assert.Equal(21, decision.TargetTemperature);
        Assert.StartsWith("TPI 80%", decision.Reason, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(2000, CommandedWatts(_ha.Calls[^1]));
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
    public void DecideAsync_SteadyDemand_OneDecisionEveryControlPeriod()
    {
        using var app = StartApp();
        for (var minute = 0; minute <= 60; minute += 5)
        {
            _ha.SetState(Room, "22.5", new { last_seen = minute });
            _ha.SetState(Outdoor, "15.0");
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        // First at 30 s, then every 10 min: 0:00:30, 0:10:30 … 1:00:30 → 7 decisions in 65 min (no phase to wake for at 0 W).
        Assert.Equal(7, _journal.Latest(100).Count);
        Assert.All(_journal.Latest(100), d => Assert.Equal(0, d.PowerWatts));
    }

    [Fact]
    public void DecideAsync_RoomSensorSilentForThirtyMinutes_TheHeaterGoesToItsSafeState()
    {
        _ha.SetState(Room, "20.9");
        _ha.SetState(Outdoor, "5");
        using var app = StartApp();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.StartsWith("TPI 22%", _journal.Latest(1)[0].Reason, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(30));

        var last = _journal.Latest(1)[0];
        Assert.Equal(ZoneRule.SilentSensor, last.Rule);
        Assert.StartsWith(MultiZoneHeating.SilentSensorReason, last.Reason, StringComparison.Ordinal);
        // Issue 10: a blind zone no longer runs a safety fraction; its heater goes to its safe state (off here).
        Assert.Equal(0, last.OnFraction);
        Assert.Equal(0, last.PowerWatts);
        Assert.Equal(0, CommandedWatts(_ha.Calls[^1]));
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

        Assert.NotEmpty(_journal.Latest(100));
        Assert.DoesNotContain(_journal.Latest(100), d => d.Rule == ZoneRule.SilentSensor);
    }

    [Fact]
    public void DecideAsync_RoomUnavailable_FallsBack()
    {
        _ha.SetState(Room, "unavailable");
        using var app = StartApp();
        _time.Advance(TimeSpan.FromSeconds(30));
        var decision = Assert.Single(_journal.Latest(10));
        Assert.Equal(ZoneRule.SilentSensor, decision.Rule);
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
        Assert.Equal(ZoneRule.Tpi, _journal.Latest(1)[0].Rule);
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
    public void DecideAsync_ServiceFails_RecordsTheFailedSource()
    {
        _ha.SetState(Room, "20.0");
        _ha.FailWith = _ => new ServiceCallException("not_found", "no such entity");
        using var app = StartApp();
        _time.Advance(TimeSpan.FromSeconds(30));
        var decision = _journal.Latest(1)[0];
        Assert.Equal(["heater"], decision.FailedSources!);
        Assert.EndsWith("command failed: heater", decision.Reason, StringComparison.Ordinal);
        Assert.Equal("not_found", app.PlanInputs!.Commands[0].FailureCode);
        Assert.Empty(_scheduler.Failures);
    }

    [Fact]
    public void DecideAsync_InputNumberHeater_UsesItsDomain()
    {
        _ha.SetState(Room, "20.0");
        using var app = StartApp(OneZone(o => o.HeaterPowerEntity = "input_number.heater_watts"));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("input_number", Assert.Single(_ha.Calls).Domain);
    }

    [Fact]
    public void Constructor_NoPowerLevels_Throws()
    {
        Assert.Throws<ArgumentException>(() => StartApp(OneZone(o => o.PowerLevels = [])));
    }

    [Fact]
    public void Constructor_NeitherZonesNorTheOneZoneKeys_ThrowsSayingHowToWriteIt()
    {
        var error = Assert.Throws<ArgumentException>(() => StartApp(new HeatingOptions()));
        Assert.Contains("zones:", error.Message, StringComparison.Ordinal);
        Assert.Contains("room_temperature_entity and heater_power_entity", error.Message, StringComparison.Ordinal);
    }
}

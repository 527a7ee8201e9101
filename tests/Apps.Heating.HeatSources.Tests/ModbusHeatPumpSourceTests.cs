using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;
using ProofOfHeat.Drivers.HeatSources;
using ProofOfHeat.Drivers.HeatSources.Modbus;
using ProofOfHeat.Sim.Modbus;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Heating.HeatSources.Tests;

/// <summary>
/// The heating app with a heat pump of kind driver: its plan goes over Modbus TCP to the simulated heat pump and is read
/// back; a pump that ignores writes is reported not followed, audited, alerted and re-planned from the 0 W it was read at.
/// On fake time: decisions are run directly, the driver's timeouts are hours of fake time and its read-back is immediate.
/// </summary>
public sealed class ModbusHeatPumpSourceTests : IAsyncLifetime
{
    private const string Room = "sensor.living_temperature";
    private const string Outdoor = "sensor.outdoor_temperature";
    private readonly FakeTimeProvider _time = new();
    private readonly FakeHaContext _ha;
    private readonly HeatingDecisionJournal _journal = new(capacity: 100);
    private readonly RecordingAudit _audit = new();
    private readonly RecordingAlerts _alerts;
    private readonly SimulatedModbusHeatPump _pump;
    private DriverHeatSourceCommanderFactory? _drivers;
    private HeatingApp? _app;

    public ModbusHeatPumpSourceTests()
    {
        _ha = new FakeHaContext(_time);
        _ha.SetState(Room, "16.0");
        _ha.SetState(Outdoor, "2.0");
        _alerts = new RecordingAlerts(_time);
        _pump = new SimulatedModbusHeatPump(_time);
    }

    private DriverHeatSourceCommander Commander => (DriverHeatSourceCommander)_drivers!.TryCreate(Source())!;

    public async Task InitializeAsync()
    {
        _drivers = new DriverHeatSourceCommanderFactory(
            [new ModbusDriverFactory()], _time, audit: _audit, alerts: _alerts,
            timeouts: new HeatSourceTimeouts
            {
                // Replies may take an hour of fake time (the clock only moves when the test moves it); read back at once.
                Connect = TimeSpan.FromHours(1), Reply = TimeSpan.FromHours(1), Retries = 0, Verify = TimeSpan.Zero,
            });
        _app = new HeatingApp(_ha, new FakeAppScheduler(_time), new StaticConfig(Options()), _journal, NullLogger<HeatingApp>.Instance,
            commanderFactories: [_drivers]);
        await _app.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _app?.Dispose();
        if (_drivers is not null)
        {
            await _drivers.DisposeAsync();
        }

        await _pump.DisposeAsync();
        _journal.Dispose();
        _alerts.Dispose();
    }

    [Fact]
    public async Task The_plan_reaches_the_heat_pump_over_Modbus_and_is_read_back()
    {
        await DecideAsync();

        var decision = _journal.Latest(1)[0];
        Assert.True(decision.PowerWatts > 0, decision.Reason);
        Assert.Empty(decision.FailedSources ?? []);
        Assert.True(_pump.Enabled);
        // The modulation written is the planned power's share of the pump's top level, and the heat read back follows it.
        var percent = Math.Round(100.0 * decision.PowerWatts / _pump.MaximumHeatWatts);
        Assert.Equal(_pump.MaximumHeatWatts * Math.Clamp(percent, 30, 100) / 100, Commander.DeliveredWatts!.Value, 0.5);
        Assert.Contains(_audit.Entries, e => e is { Action: "heat_source_command", Target: "heat_pump" } && e.Result.StartsWith("applied", StringComparison.Ordinal)
            && e.Detail!.Contains("turn on", StringComparison.Ordinal));
        Assert.Empty(_alerts.Raised);

        // Decided again with nothing changed: every command is already in effect, so nothing more is written.
        var writes = _pump.Server.Writes;
        await DecideAsync();
        Assert.Equal(writes, _pump.Server.Writes);
    }

    [Fact]
    public async Task A_pump_that_ignores_commands_is_reported_audited_alerted_and_replanned_from_zero()
    {
        _pump.Server.Faults.IgnoreWrites = true;

        await DecideAsync();

        var first = _journal.Latest(1)[0];
        Assert.True(first.PowerWatts > 0);
        Assert.Equal(["heat_pump"], first.FailedSources);
        Assert.False(_pump.Enabled);
        Assert.Equal(0, Commander.DeliveredWatts);
        Assert.Contains(_audit.Entries, e => e is { Action: "heat_source_command", Target: "heat_pump" }
            && e.Result.StartsWith("not followed: expected", StringComparison.Ordinal));
        var alert = Assert.Single(_alerts.Raised);
        Assert.Equal("heating.source_not_followed.heat_pump", alert.Key);

        // Believed at the 0 W it was read at, not at what it was told: the next round asks for the heat again.
        var writes = _pump.Server.Writes;
        await DecideAsync();
        Assert.True(_pump.Server.Writes > writes);
        Assert.True(_journal.Latest(1)[0].PowerWatts > 0);

        // Once it follows again, the heat is read back and the alert resolved.
        _pump.Server.Faults.IgnoreWrites = false;
        await DecideAsync();
        Assert.True(_pump.Enabled);
        Assert.Empty(_journal.Latest(1)[0].FailedSources ?? []);
        Assert.True(Commander.DeliveredWatts > 0);
        Assert.Contains("heating.source_not_followed.heat_pump", _alerts.Resolved);
    }

    // A decision round as the control period runs it, bounded by a generous real-time limit for the TCP round trips.
    private Task DecideAsync() => _app!.DecideAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

    private HeatSourceOptions Source() => new()
    {
        Id = "heat_pump",
        Kind = HeatSourceKind.Driver,
        Driver = "modbus",
        Address = $"127.0.0.1:{_pump.Server.Port}",
        Map = "generic-heat-pump",
        Type = HeatSourceType.HeatPump,
        Hydronic = true,
        Modulating = true,
        PowerLevels = [0, (int)(_pump.MaximumHeatWatts * 0.3), (int)(_pump.MaximumHeatWatts * 0.65), (int)_pump.MaximumHeatWatts],
    };

    private HeatingOptions Options() => new()
    {
        OutdoorTemperatureEntity = Outdoor,
        Zones = [new HeatingZoneOptions { Id = "living", RoomTemperatureEntity = Room, Sources = ["heat_pump"] }],
        Sources = [Source()],
        Optimiser = new Optimiser.OptimiserOptions { Enabled = false },
        TimeZone = "UTC",
    };

    private sealed class StaticConfig(HeatingOptions options) : IAppConfig<HeatingOptions>
    {
        public HeatingOptions Value => options;
    }

    // The Modbus driver on the source's address (host:port), map and unit.
    private sealed class ModbusDriverFactory : IHeatSourceDriverFactory
    {
        public string Kind => "modbus";

        public IHeatSourceDriver Create(HeatSourceOptions source, HeatSourceDriverContext context)
        {
            var colon = source.Address!.LastIndexOf(':');
            var port = int.Parse(source.Address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            return new ModbusHeatSourceDriver(source.Address[..colon], port, (byte?)source.Unit, ShippedRegisterMaps.Resolve(source.Map!), context);
        }
    }
}

using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Apps.Heating;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;
using ProofOfHeat.Apps.Miners.HeatSources;
using ProofOfHeat.Apps.Miners.Tests.Fakes;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Tests.HeatSources;

/// <summary>
/// Issue 10 item 3: when the heating app is switched off (the runtime disposes it), every source it commanded goes to
/// its safe state once (or, for a thermostat, is run by the keeper from then on), a fleet miner through the fleet's dwell guard.
/// </summary>
public sealed class HeatingSafeStateTests
{
    private const string Room = "sensor.living_temperature";
    private const string Heater = "number.heater_power";

    [Fact]
    public async Task HeatingSwitchedOff_MinerSleepsThroughTheDwellGuard_AndTheNumberGoesToZero()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        var driver = harness.Drivers["m1"];
        // Asleep at first, so the heating's command wakes it and its minimum on time starts then.
        driver.IsOn = false;
        harness.StartApp();
        harness.Ha.SetState(Room, "15.0");
        using var journal = new HeatingDecisionJournal(capacity: 50);
        var heating = await StartHeatingAsync(harness, journal, Options());

        harness.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal([MinerCommand.SetPower(3000)], driver.Changes.Select(c => c.Command));
        Assert.Equal(3000, Value(HeaterCalls(harness)[^1]));
        var heaterCallsBefore = HeaterCalls(harness).Count;
        var started = driver.Changes[0].At;

        await heating.DisposeAsync();

        // The number goes to 0 at once, exactly once.
        Assert.Equal(heaterCallsBefore + 1, HeaterCalls(harness).Count);
        Assert.Equal(0, Value(HeaterCalls(harness)[^1]));

        // The miner ran for 30 s: its minimum on time (10 min) holds the sleep back; then it sleeps, once.
        Assert.True(driver.IsOn);
        harness.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.False(driver.IsOn);
        Assert.Equal([MinerCommand.SetPower(3000), MinerCommand.Sleep], driver.Changes.Select(c => c.Command));
        Assert.True(driver.Changes[1].At - started >= TimeSpan.FromMinutes(10), $"slept {driver.Changes[1].At - started} after starting");

        // No decision after the stop: nothing more reaches either source.
        harness.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(2, driver.Changes.Count);
        Assert.Equal(heaterCallsBefore + 1, HeaterCalls(harness).Count);
        Assert.Empty(harness.Scheduler.Failures);
    }

    [Fact]
    public async Task HeatingSwitchedOff_SafeStateMinimum_LeavesTheSourceAtItsMinimum()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        harness.Drivers["m1"].IsOn = false;
        harness.StartApp();
        harness.Ha.SetState(Room, "15.0");
        using var journal = new HeatingDecisionJournal(capacity: 50);
        var options = Options(heater => (heater.SafeState, heater.SafeMinimumWatts) = (SourceSafeState.Minimum, 500),
            miner => miner.SafeState = SourceSafeState.Minimum);
        var heating = await StartHeatingAsync(harness, journal, options);
        harness.Time.Advance(TimeSpan.FromSeconds(30));

        await heating.DisposeAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(500, Value(HeaterCalls(harness)[^1]));
        // The miner's smallest non-zero level (1000 W), after its power-change interval.
        Assert.Equal([MinerCommand.SetPower(3000), MinerCommand.SetPower(1000)], harness.Drivers["m1"].Changes.Select(c => c.Command));
    }

    [Fact]
    public async Task HeatingSwitchedOff_SafeStateThermostat_KeepsTheRoomAroundItsTarget_TheMinerThroughTheDwellGuard()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        var driver = harness.Drivers["m1"];
        driver.IsOn = false;
        harness.StartApp();
        harness.Ha.SetState(Room, "15.0");
        using var journal = new HeatingDecisionJournal(capacity: 50);
        var fleetCommanders = new FleetHeatSourceCommanderFactory(harness.Fleet);
        await using var keeper = new SafeThermostatKeeper(
            harness.Time,
            entity => harness.Ha.GetState(entity) is { IsUnavailable: false } state ? state.AsNumber() : null,
            source => fleetCommanders.TryCreate(source) ?? new HaServiceHeatSourceCommander(harness.Ha.CallServiceAsync, source),
            NullLogger<SafeThermostatKeeper>.Instance);
        var options = Options(
            heater => (heater.SafeState, heater.SafeThermostat) = (SourceSafeState.Thermostat, new SafeThermostatOptions { Target = 19, Hysteresis = 0.5, Watts = 2000 }),
            miner => miner.SafeState = SourceSafeState.Thermostat);
        var heating = await StartHeatingAsync(harness, journal, options, keeper);
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal([MinerCommand.SetPower(3000)], driver.Changes.Select(c => c.Command));

        await heating.DisposeAsync();

        // Cold room (15 °C < 18.5): the thermostat heats, the heater at its configured 2000 W, the miner at its top level.
        Assert.Equal(["heater", "miner"], keeper.KeptSources.Order(StringComparer.Ordinal));
        Assert.Equal(2000, Value(HeaterCalls(harness)[^1]));
        Assert.True(driver.IsOn);

        // Inside the dead band nothing changes; above it (19.6 > 19.5) both go off — the miner only once its minimum on time is kept.
        harness.Ha.SetState(Room, "19.2");
        harness.Time.Advance(SafeThermostatKeeper.Period);
        Assert.Equal(2000, Value(HeaterCalls(harness)[^1]));
        harness.Ha.SetState(Room, "19.6");
        harness.Time.Advance(SafeThermostatKeeper.Period);
        Assert.Equal(0, Value(HeaterCalls(harness)[^1]));
        Assert.True(driver.IsOn);
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.False(driver.IsOn);
        Assert.Equal([MinerCommand.SetPower(3000), MinerCommand.Sleep], driver.Changes.Select(c => c.Command));

        // Cold again (18.4 < 18.5): back on, the miner after its minimum off time.
        harness.Ha.SetState(Room, "18.4");
        harness.Time.Advance(SafeThermostatKeeper.Period);
        Assert.Equal(2000, Value(HeaterCalls(harness)[^1]));
        harness.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.True(driver.IsOn);
        Assert.Empty(harness.Scheduler.Failures);

        // The heating app starting again takes its sources back.
        using var again = await StartHeatingAsync(harness, journal, options, keeper);
        Assert.Empty(keeper.KeptSources);
    }

    [Fact]
    public async Task HeatingNeverCommandedASource_StopSendsItNothing()
    {
        await using var harness = FleetHarness.One(FakeMinerFamily.Continuous);
        harness.Ha.SetState(Room, "15.0");
        using var journal = new HeatingDecisionJournal(capacity: 50);
        var heating = await StartHeatingAsync(harness, journal, Options());

        // Stopped before its first decision: it commanded nothing, so it overrides nothing.
        await heating.DisposeAsync();

        Assert.Empty(HeaterCalls(harness));
        Assert.Empty(harness.Drivers["m1"].Changes);
    }

    private static async Task<HeatingApp> StartHeatingAsync(FleetHarness harness, HeatingDecisionJournal journal, HeatingOptions options, SafeThermostatKeeper? keeper = null)
    {
        // The fleet has polled its miners by the time the heating starts (the guard knows their state).
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var app = new HeatingApp(
            harness.Ha, new FakeAppScheduler(harness.Time), new Config(options), journal, NullLogger<HeatingApp>.Instance,
            commanderFactories: [new FleetHeatSourceCommanderFactory(harness.Fleet)], safeThermostat: keeper);
        await app.InitializeAsync(CancellationToken.None);
        return app;
    }

    private static HeatingOptions Options(Action<HeatSourceOptions>? heater = null, Action<HeatSourceOptions>? miner = null)
    {
        var heaterSource = new HeatSourceOptions { Id = "heater", Entity = Heater, PowerLevels = [0, 1000, 2000, 3000] };
        var minerSource = new HeatSourceOptions { Id = "miner", Kind = HeatSourceKind.Fleet, Entity = "m1", PowerLevels = [0, 1000, 2000, 3000], Miner = true };
        heater?.Invoke(heaterSource);
        miner?.Invoke(minerSource);
        return new HeatingOptions
        {
            Zones = [new HeatingZoneOptions { Id = "living", RoomTemperatureEntity = Room, Sources = ["heater", "miner"] }],
            Sources = [heaterSource, minerSource],
        };
    }

    private static List<ServiceCall> HeaterCalls(FleetHarness harness) =>
        [.. harness.Ha.Calls.Where(c => c.Target?.EntityIds?.Contains(Heater) == true)];

    private static double Value(ServiceCall call) => JsonSerializer.SerializeToElement(call.Data).GetProperty("value").GetDouble();

    private sealed class Config(HeatingOptions options) : IAppConfig<HeatingOptions>
    {
        public HeatingOptions Value => options;
    }
}

using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Apps.Heating.Entities;
using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Schedules;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Heating.Tests;

public sealed class MultiZoneAppTests : IDisposable
{
    private const string Living = "sensor.living_temperature";
    private const string Office = "sensor.office_temperature";
    private const string Window = "binary_sensor.living_window";
    private const string Outdoor = "sensor.outdoor_temperature";
    private const string MinerPower = "number.miner_power";
    private const string Radiator = "switch.office_radiator";

    private readonly FakeTimeProvider _time = new();
    private readonly FakeHaContext _ha;
    private readonly FakeAppScheduler _scheduler;
    private readonly FakeHeatingEntities _entities = new();
    private readonly HeatingDecisionJournal _journal = new(capacity: 200);
    private HeatingApp? _app;

    public MultiZoneAppTests()
    {
        _ha = new FakeHaContext(_time);
        _scheduler = new FakeAppScheduler(_time);
        _ha.SetState(Living, "17.5");
        _ha.SetState(Office, "18.0");
        _ha.SetState(Outdoor, "1.0");
        _ha.SetState(Window, "off");
    }

    public void Dispose()
    {
        _app?.Dispose();
        _journal.Dispose();
    }

    private static HeatingOptions Options(Action<HeatingOptions>? change = null)
    {
        var options = new HeatingOptions
        {
            OutdoorTemperatureEntity = Outdoor,
            Zones =
            [
                new HeatingZoneOptions { Id = "living", Name = "Living room", RoomTemperatureEntity = Living, WindowEntity = Window, Sources = ["miner"] },
                new HeatingZoneOptions { Id = "office", RoomTemperatureEntity = Office, Sources = ["miner", "radiator"] },
            ],
            Sources =
            [
                new HeatSourceOptions { Id = "miner", Entity = MinerPower, PowerLevels = [0, 1000, 2000, 3000], Miner = true },
                new HeatSourceOptions { Id = "radiator", Kind = HeatSourceKind.Switch, Entity = Radiator, PowerLevels = [0, 1500] },
            ],
            NightLimit = new NightLimitOptions { MaxMinerWatts = 1000 },
        };
        change?.Invoke(options);
        return options;
    }

    private async Task<HeatingApp> StartAsync(HeatingOptions? options = null, IEnumerable<IHeatSourceCommanderFactory>? factories = null)
    {
        _app = new HeatingApp(
            _ha, _scheduler, new StaticConfig(options ?? Options()), _journal, NullLogger<HeatingApp>.Instance,
            commanderFactories: factories, entities: _entities);
        await _app.InitializeAsync(CancellationToken.None);
        return _app;
    }

    private List<ServiceCall> CallsTo(string entity) => [.. _ha.Calls.Where(c => c.Target?.EntityIds?.Contains(entity) == true)];

    private static double Watts(ServiceCall call) => JsonSerializer.SerializeToElement(call.Data).GetProperty("value").GetDouble();

    private HeatingDecision LastDecision(string zone) => _journal.Latest(200).Last(d => d.Zone == zone);

    [Fact]
    public async Task Decide_TwoZonesShareMiner_MaxDemandUnderNightLimit()
    {
        await StartAsync();
        Assert.Empty(_ha.Calls);
        _time.Advance(TimeSpan.FromSeconds(30));

        // 06:00 Monday is eco (18.5 °C). TPI: living 0.6·1.0 + 0.01·17.5 = 0.775, office 0.475; the miner takes
        // the max (→ 2325 W: 3000 W first in its cycle), capped at 1000 W before 07:00; the radiator runs 47.5 % of
        // its cycle, stretched to 21 min so that neither phase is shorter than its 10-minute minimum times.
        Assert.Equal(1000, Watts(Assert.Single(CallsTo(MinerPower))));
        Assert.Equal("turn_on", Assert.Single(CallsTo(Radiator)).Service);
        var living = LastDecision("living");
        Assert.Equal(18.5, living.TargetTemperature);
        Assert.Equal(0.775, living.OnFraction, 9);
        Assert.Equal(1000, living.PowerWatts);
        Assert.Equal("TPI 78%, schedule eco", living.Reason);
        Assert.Equal(new ZoneStatus("living", ZoneMode.Heat, "eco", 18.5, 17.5, "heating"), _entities.Zones["living"]);
        Assert.Equal("default", _entities.Profiles!.Value.Active);
        Assert.Equal(["default"], _entities.Profiles!.Value.Names);
        Assert.Empty(_scheduler.Failures);
    }

    [Fact]
    public async Task Decide_NoNightLimit_MinerTimeProportionedBetweenTheBracketingLevels()
    {
        await StartAsync(Options(o => o.NightLimit = new NightLimitOptions()));
        _time.Advance(TimeSpan.FromSeconds(30));
        // 0.775 of 3000 W = 2325 W: 3000 W for 32.5 % of the 10-minute cycle, then 2000 W.
        Assert.Equal(3000, Watts(CallsTo(MinerPower)[^1]));
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(3000, Watts(CallsTo(MinerPower)[^1]));
        _time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(2000, Watts(CallsTo(MinerPower)[^1]));
        Assert.Equal("turn_on", CallsTo(Radiator)[^1].Service);
    }

    [Fact]
    public async Task TargetFromHa_HoldsForTtl_ThenScheduleResumes()
    {
        await StartAsync();
        _time.Advance(TimeSpan.FromSeconds(30));

        _entities.Send(new HeatingEntityCommand(HeatingCommandKind.Target, "living", null, 23));

        Assert.Equal(23, LastDecision("living").TargetTemperature);
        Assert.Equal("none", _entities.Zones["living"].Preset);
        _time.Advance(TimeSpan.FromHours(3) - TimeSpan.FromMinutes(1));
        Assert.Equal(23, LastDecision("living").TargetTemperature);

        // After the 3 h time-to-live (09:00) the weekday schedule says comfort.
        _time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(21, LastDecision("living").TargetTemperature);
        Assert.Equal("comfort", _entities.Zones["living"].Preset);
    }

    [Fact]
    public async Task BoostFromHa_LastsBoostDuration()
    {
        await StartAsync();
        _entities.Send(new HeatingEntityCommand(HeatingCommandKind.Preset, "office", "boost", null));
        Assert.Equal(23, LastDecision("office").TargetTemperature);
        Assert.Equal("boost", _entities.Zones["office"].Preset);

        // The boost ends at 07:00, by then the weekday schedule says comfort.
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(23, LastDecision("office").TargetTemperature);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(21, LastDecision("office").TargetTemperature);
        Assert.Equal("comfort", _entities.Zones["office"].Preset);
    }

    [Fact]
    public async Task WindowContact_PausesAfterDelay_ResumesWhenClosed()
    {
        await StartAsync();
        _time.Advance(TimeSpan.FromSeconds(30));

        _ha.SetState(Window, "on");
        Assert.Equal(18.5, LastDecision("living").TargetTemperature);
        _time.Advance(TimeSpan.FromSeconds(30));
        var paused = LastDecision("living");
        Assert.Equal(7, paused.TargetTemperature);
        Assert.Equal("TPI 0%, window open", paused.Reason);
        Assert.Equal(18.5, LastDecision("office").TargetTemperature);

        _ha.SetState(Window, "off");
        Assert.Equal(18.5, LastDecision("living").TargetTemperature);
    }

    [Fact]
    public async Task WindowFromSlope_ZoneWithoutContact_PausesThenResumesAfterMaximumPause()
    {
        await StartAsync();
        _time.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(5));
            _ha.SetState(Office, "18.0", new { sample = i });
        }

        _time.Advance(TimeSpan.FromMinutes(5));
        _ha.SetState(Office, "17.0");

        var paused = LastDecision("office");
        Assert.Equal(7, paused.TargetTemperature);
        Assert.Equal("TPI 0%, window open (temperature drop)", paused.Reason);
        Assert.Equal(18.5, LastDecision("living").TargetTemperature);

        // 30 min later (06:55, comfort since 06:30) the pause has ended although the room never recovered.
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(21, LastDecision("office").TargetTemperature);
        Assert.EndsWith("schedule comfort", LastDecision("office").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfileFromHa_SwitchesEveryZone()
    {
        var holiday = new HeatingProfile { Name = "holiday", DefaultPreset = "away", Presets = new PresetTemperatures { Away = 15 } };
        await StartAsync(Options(o => o.Profiles = [HeatingProfile.Default(), holiday]));
        _time.Advance(TimeSpan.FromSeconds(30));

        _entities.Send(new HeatingEntityCommand(HeatingCommandKind.Profile, null, "holiday", null));

        Assert.Equal("holiday", _entities.Profiles!.Value.Active);
        Assert.Equal(15, LastDecision("living").TargetTemperature);
        Assert.Equal(15, LastDecision("office").TargetTemperature);
    }

    [Fact]
    public async Task ProfileFromCode_SelectFollows()
    {
        var control = new HeatingControl(new InMemoryHeatingProfileStore(), _time);
        var holiday = new HeatingProfile { Name = "holiday", DefaultPreset = "away" };
        _app = new HeatingApp(
            _ha, _scheduler, new StaticConfig(Options(o => o.Profiles = [HeatingProfile.Default(), holiday])), _journal,
            NullLogger<HeatingApp>.Instance, control: control, entities: _entities);
        await _app.InitializeAsync(CancellationToken.None);

        await control.SwitchProfileAsync("holiday", CancellationToken.None);

        Assert.Equal("holiday", _entities.Profiles!.Value.Active);
        Assert.Equal(["default", "holiday"], _entities.Profiles!.Value.Names);
        Assert.Equal(16, LastDecision("living").TargetTemperature);
        control.Dispose();
    }

    [Fact]
    public async Task ModeOffFromHa_ActionOff_OnlyFrostProtection()
    {
        await StartAsync();
        _entities.Send(new HeatingEntityCommand(HeatingCommandKind.Mode, "office", "off", null));
        var office = LastDecision("office");
        Assert.Equal(7, office.TargetTemperature);
        Assert.Equal(0, office.OnFraction);
        Assert.Equal("off", _entities.Zones["office"].Action);
        Assert.Equal(ZoneMode.Off, _entities.Zones["office"].Mode);
    }

    [Fact]
    public async Task RoomSensorSilent_NoDemand_ASharedSourceFollowsTheZoneThatStillSees_ThenAllGoToTheirSafeState()
    {
        // Issue 10: a zone that lost its room sensor sends its sources to their safe state, not a safety fraction.
        var options = Options(o => (o.Sources[1].SafeState, o.NightLimit.MaxMinerWatts) = (SourceSafeState.Minimum, null));
        await StartAsync(options);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(Watts(CallsTo(MinerPower)[^1]) > 0);

        // Only the office keeps reporting: the living room is blind, the miner they share still heats the office.
        for (var minute = 5; minute <= 35; minute += 5)
        {
            _time.Advance(TimeSpan.FromMinutes(5));
            _ha.SetState(Office, "18.0", new { heartbeat = minute });
        }

        var living = LastDecision("living");
        Assert.Equal((ZoneRule.SilentSensor, 0.0), (living.Rule, living.OnFraction));
        Assert.StartsWith(MultiZoneHeating.SilentSensorReason, living.Reason, StringComparison.Ordinal);
        Assert.Equal(ZoneRule.Tpi, LastDecision("office").Rule);
        Assert.True(Watts(CallsTo(MinerPower)[^1]) > 0);

        // Now the office is blind too: every source goes to its safe state, and stays there while the sensors are silent.
        // (Past the 30-min limit and the next 10-min decision.)
        _time.Advance(TimeSpan.FromMinutes(41));
        Assert.Equal(ZoneRule.SilentSensor, LastDecision("office").Rule);
        var minerCalls = CallsTo(MinerPower).Count;
        Assert.Equal(0, Watts(CallsTo(MinerPower)[^1]));
        // The radiator's declared safe state is its minimum: a switch's smallest non-zero level, i.e. on.
        Assert.Equal("turn_on", CallsTo(Radiator)[^1].Service);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.All(CallsTo(MinerPower).Skip(minerCalls - 1), c => Assert.Equal(0, Watts(c)));
        Assert.Equal("turn_on", CallsTo(Radiator)[^1].Service);
    }

    [Fact]
    public async Task RoomChanges_SmallOnesWait_LargeOnesAndReturnFromSilenceDecideAtOnce()
    {
        await StartAsync();
        _ha.SetState(Living, "17.0");
        Assert.Empty(_journal.Latest(10));

        _time.Advance(TimeSpan.FromSeconds(30));
        var decisions = _journal.Latest(200).Count;
        _ha.SetState(Living, "17.2");
        Assert.Equal(decisions, _journal.Latest(200).Count);
        Assert.Equal(17.2, _entities.Zones["living"].Current);
        _ha.SetState(Living, "16.4");
        Assert.Equal(16.4, LastDecision("living").RoomTemperature);

        _time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(ZoneRule.SilentSensor, LastDecision("office").Rule);
        _ha.SetState(Office, "18.0");
        Assert.Equal(ZoneRule.Tpi, LastDecision("office").Rule);
        Assert.StartsWith("TPI", LastDecision("office").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourceFails_JournaledAndOtherSourcesStillCommanded()
    {
        _ha.FailWith = call => call.Domain == "number" ? new ServiceCallException("not_found", "no such entity") : null;
        await StartAsync();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(["miner"], LastDecision("living").FailedSources!);
        Assert.EndsWith("command failed: miner", LastDecision("living").Reason, StringComparison.Ordinal);
        Assert.Single(CallsTo(Radiator));
        Assert.Equal(CommandDelivery.Failed, _app!.PlanInputs!.Commands[0].Delivery);
        Assert.Equal("not_found", _app.PlanInputs.Commands[0].FailureCode);
        Assert.Equal(CommandDelivery.Delivered, _app.PlanInputs.Commands[1].Delivery);
        Assert.Empty(_scheduler.Failures);
    }

    [Fact]
    public async Task PlanInputs_BandsPricesAndHashprice()
    {
        _ha.SetState("sensor.hashprice", "0.045");
        await StartAsync(Options(o => o.Prices = new() { FlatPrice = 0.28, HashpriceEntity = "sensor.hashprice", Hashprice = 0.05 }));
        _time.Advance(TimeSpan.FromSeconds(30));
        var inputs = _app!.PlanInputs!;
        Assert.Equal(144, inputs.ComfortBands["office"].Count);
        Assert.Equal(HeatingPreset.Comfort, inputs.ComfortBands["living"][2].Preset);
        Assert.Equal(0.28, inputs.Prices.PriceAt(_time.GetUtcNow()));
        Assert.Equal(0.045, inputs.Hashprice);
    }

    [Fact]
    public async Task FleetSource_CommandedThroughRegisteredFactory()
    {
        var fleet = new RecordingFleet();
        await StartAsync(
            Options(o => o.Sources = [new HeatSourceOptions { Id = "miner", Kind = HeatSourceKind.Fleet, Entity = "s21-attic", Miner = true }, o.Sources[1]]),
            [fleet]);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1000, Assert.Single(fleet.Commands).PowerWatts);
        Assert.Empty(CallsTo(MinerPower));
    }

    [Fact]
    public void Validate_ZoneNamesUnknownSource_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Options(o => o.Zones[0].Sources = ["boiler"]).Validate());
        Assert.Contains("source 'boiler' is not under sources", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingFleet : IHeatSourceCommanderFactory, IHeatSourceCommander
    {
        public List<HeatSourceCommand> Commands { get; } = [];

        public string SourceId => "miner";

        public IHeatSourceCommander? TryCreate(HeatSourceOptions source) => source.Kind == HeatSourceKind.Fleet ? this : null;

        public Task CommandAsync(HeatSourceCommand command, CancellationToken cancellationToken)
        {
            Commands.Add(command);
            return Task.CompletedTask;
        }
    }
}

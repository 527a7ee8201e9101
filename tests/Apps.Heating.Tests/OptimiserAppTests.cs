using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Apps.Heating.Prices;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;
using ProofOfHeat.Sim.House;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Heating.Tests;

/// <summary>
/// The heating app with its optimiser in a closed loop with a simulated 2R2C house: the house's temperature
/// reaches the app as HA states, the app's service calls heat the house. It decides by TPI while it records
/// history, then identifies the house and plans the miner and the heater against a time-of-use tariff.
/// </summary>
public sealed class OptimiserAppTests : IDisposable
{
    private const string Room = "sensor.living_temperature";
    private const string Outdoor = "sensor.outdoor_temperature";
    private const string MinerPower = "number.miner_power";
    private const string Heater = "switch.heater";
    private static readonly int[] MinerLevels = [0, 875, 1750, 2625, 3500];
    private static readonly TimeSpan MinerMinimumOn = TimeSpan.FromMinutes(30);

    private readonly FakeTimeProvider _time = new();
    private readonly FakeHaContext _ha;
    private readonly FakeAppScheduler _scheduler;
    private readonly HeatingDecisionJournal _journal = new(capacity: 2000);
    private readonly TwoNodeHouse _house = new(HouseParameters.Medium, 19.5, 19.0);
    private readonly List<(DateTimeOffset At, int Watts)> _minerCommands = [];
    private readonly List<(DateTimeOffset At, double Air, double Outdoor, double Heat, double Miner, double Price)> _minutes = [];
    private HeatingApp? _app;
    private double _reported = double.NaN;
    private DateTimeOffset _reportedAt;

    public OptimiserAppTests()
    {
        _ha = new FakeHaContext(_time);
        _scheduler = new FakeAppScheduler(_time);
        _ha.SetState(Room, "19.5");
        _ha.SetState(Outdoor, "2.0");
    }

    public void Dispose()
    {
        _app?.Dispose();
        _journal.Dispose();
    }

    private static HeatingOptions Options() => new()
    {
        OutdoorTemperatureEntity = Outdoor,
        Zones = [new HeatingZoneOptions { Id = "living", RoomTemperatureEntity = Room, Sources = ["miner", "heater"] }],
        Sources =
        [
            new HeatSourceOptions
            {
                Id = "miner", Entity = MinerPower, PowerLevels = MinerLevels, Type = HeatSourceType.Miner, JoulesPerTerahash = 17.5,
                MinimumOn = MinerMinimumOn, MinimumOff = MinerMinimumOn,
            },
            new HeatSourceOptions { Id = "heater", Kind = HeatSourceKind.Switch, Entity = Heater, PowerLevels = [0, 2000], MinimumOn = TimeSpan.FromMinutes(5), MinimumOff = TimeSpan.FromMinutes(5) },
        ],
        Prices = new PriceOptions
        {
            Static =
            [
                new TimeOfUseRate { From = "00:00", To = "06:00", Price = 0.12 },
                new TimeOfUseRate { From = "06:00", To = "17:00", Price = 0.30 },
                new TimeOfUseRate { From = "17:00", To = "21:00", Price = 0.45 },
                new TimeOfUseRate { From = "21:00", To = "24:00", Price = 0.25 },
            ],
            Hashprice = 0.045,
        },
        Optimiser = new OptimiserOptions { MinimumHistory = TimeSpan.FromHours(24) },
        TimeZone = "UTC",
    };

    [Fact]
    public async Task Learns_the_house_then_plans_the_sources_cheaper_within_their_levels_and_dwell_times_and_keeps_heating_blind()
    {
        _app = new HeatingApp(_ha, _scheduler, new StaticConfig(Options()), _journal, NullLogger<HeatingApp>.Instance);
        await _app.InitializeAsync(CancellationToken.None);

        var start = _time.GetUtcNow();
        var silentFrom = start + TimeSpan.FromHours(72);
        RunMinutes(TimeSpan.FromHours(23), silentFrom);
        Assert.False(_app.IsOptimised("living"));
        Assert.All(_journal.Latest(2000), d => Assert.StartsWith("TPI", d.Reason, StringComparison.Ordinal));

        RunMinutes(TimeSpan.FromHours(2), silentFrom);
        Assert.True(_app.IsOptimised("living"));
        var optimisedFrom = _time.GetUtcNow();

        // Days 2 and 3 under the optimiser, then two hours with the room sensor silent.
        RunMinutes(silentFrom - _time.GetUtcNow(), silentFrom);
        RunMinutes(TimeSpan.FromHours(2), silentFrom);
        Assert.Empty(_scheduler.Failures);

        var decisions = _journal.Latest(2000);
        var planned = decisions.Where(d => d.At >= optimisedFrom && d.At < silentFrom).ToList();
        Assert.NotEmpty(planned);
        Assert.All(planned, d =>
        {
            Assert.StartsWith("plan:", d.Reason, StringComparison.Ordinal);
            var plan = Assert.IsType<ZonePlan>(d.Plan);
            var costs = plan.HeatCosts.ToDictionary(c => c.Id, c => c.EurPerKwhHeat);

            // Mining revenue makes the miner's heat cheaper than the heater's in every slot.
            Assert.True(costs["miner"] < costs["heater"], $"{d.At}: miner {costs["miner"]} vs heater {costs["heater"]}");
            Assert.Contains(plan.ElectricityPrice, (double[])[0.12, 0.30, 0.45, 0.25]);
        });

        // Every power sent is one of the miner's levels, and once planned the miner keeps its minimum on and off times.
        Assert.All(_minerCommands, c => Assert.Contains(c.Watts, MinerLevels));
        var switches = Switches(_minerCommands.Where(c => c.At >= optimisedFrom).ToList());
        for (var i = 1; i < switches.Count; i++)
        {
            Assert.True(switches[i] - switches[i - 1] >= MinerMinimumOn, $"miner switched at {switches[i - 1]:HH:mm} and again at {switches[i]:HH:mm}");
        }

        // The weather repeats daily, so day 1 (TPI) and day 3 (planned) compare like for like. TPI's day is cold
        // for hours; the plan keeps the band (the benchmark's goal is 0.25 K·h/day) and, counting discomfort at
        // the benchmark's 1 € per K·h, costs less.
        var (tpiCost, tpiDiscomfort) = Day(decisions, start);
        var (plannedCost, plannedDiscomfort) = Day(decisions, start + TimeSpan.FromDays(2));
        Assert.True(plannedDiscomfort <= 0.25, $"discomfort {plannedDiscomfort:F2} K·h on the planned day");
        Assert.True(plannedCost + plannedDiscomfort < tpiCost + tpiDiscomfort,
            $"TPI {tpiCost:F2} € and {tpiDiscomfort:F2} K·h, the plan {plannedCost:F2} € and {plannedDiscomfort:F2} K·h");

        // Blind: with the room sensor silent the safe mode still heats.
        var blind = decisions.Where(d => d.At >= silentFrom + TimeSpan.FromMinutes(40)).ToList();
        Assert.NotEmpty(blind);
        Assert.All(blind, d => Assert.Contains("safe mode (room sensor silent)", d.Reason, StringComparison.Ordinal));
        Assert.Contains(blind, d => d.PowerWatts > 0);
    }

    [Fact]
    public async Task History_kept_from_before_a_restart_identifies_the_house_at_once_from_its_longest_recent_stretch()
    {
        // 30 h of the house under a thermostat, a 20-minute outage, then 5 minutes before this restart: only the
        // 30 h stretch is long enough to identify from.
        var now = _time.GetUtcNow();
        var store = ThermostatHistory(TimeSpan.FromHours(30), end: now - TimeSpan.FromMinutes(25));
        for (var minute = 5; minute > 0; minute--)
        {
            store.Append("living", new HeatingHistorySample(now - TimeSpan.FromMinutes(minute), 21, 2, 0, 0, 0));
        }

        _app = new HeatingApp(_ha, _scheduler, new StaticConfig(Options()), _journal, NullLogger<HeatingApp>.Instance, history: store);
        await _app.InitializeAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.True(_app.IsOptimised("living"));
        Assert.StartsWith("plan:", _journal.Latest(10).Single().Reason, StringComparison.Ordinal);
        Assert.Empty(_scheduler.Failures);
    }

    [Fact]
    public async Task The_history_records_what_a_running_hydronic_source_reports_so_the_radiators_can_be_learned()
    {
        var options = Options();
        options.Zones[0].Sources = ["pump"];
        options.Sources =
        [
            new HeatSourceOptions
            {
                Id = "pump", Kind = HeatSourceKind.Number, Entity = "number.pump_power", Type = HeatSourceType.HeatPump, Hydronic = true,
                PowerLevels = [0, 4000, 8000], HeatOutputEntity = "sensor.pump_heat", FlowSensorEntity = "sensor.pump_flow",
                // No minimum run, so the pump may stop a minute after it started (TPI holds a source to its minimum times).
                MinimumOn = TimeSpan.Zero,
            },
        ];
        _ha.SetState("sensor.pump_heat", "4.2", new { unit_of_measurement = "kW" });
        _ha.SetState("sensor.pump_flow", "38.5");
        _ha.SetState(Room, "17.0");
        var store = new InMemoryHeatingHistoryStore();
        _app = new HeatingApp(_ha, _scheduler, new StaticConfig(options), _journal, NullLogger<HeatingApp>.Instance, history: store);
        await _app.InitializeAsync(CancellationToken.None);

        // TPI runs the cold room's pump: its meter's 4.2 kW and its flow are recorded. Once the room is warm the pump is
        // off and nothing hydronic is recorded, whatever the sensors still show.
        _time.Advance(TimeSpan.FromSeconds(90));
        _ha.SetState(Room, "25.0");
        _time.Advance(TimeSpan.FromSeconds(60));

        var samples = store.Load("living", TimeSpan.FromDays(1));
        Assert.Equal(2, samples.Count);
        Assert.Equal(4200, samples[0].HydronicHeatWatts);
        Assert.Equal(38.5, samples[0].FlowTemperature);
        Assert.Null(samples[1].HydronicHeatWatts);
        Assert.Null(samples[1].FlowTemperature);
    }

    [Fact]
    public async Task The_history_records_what_a_read_back_source_delivers_not_what_it_was_told()
    {
        var options = Options();
        options.Zones[0].Sources = ["fleet_miner"];
        options.Sources = [new HeatSourceOptions { Id = "fleet_miner", Kind = HeatSourceKind.Fleet, Entity = "s21", Type = HeatSourceType.Miner, PowerLevels = MinerLevels }];
        _ha.SetState(Room, "17.0");
        var miner = new ReadbackCommander("fleet_miner") { Delivered = 0 };
        var store = new InMemoryHeatingHistoryStore();
        _app = new HeatingApp(_ha, _scheduler, new StaticConfig(options), _journal, NullLogger<HeatingApp>.Instance,
            commanderFactories: [miner], history: store);
        await _app.InitializeAsync(CancellationToken.None);

        // TPI asks the cold room's miner for power; the fleet has deferred it, so it still sleeps, then it starts at 1750 W.
        _time.Advance(TimeSpan.FromSeconds(60));
        miner.Delivered = 1750;
        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.True(miner.Commanded > 0);
        Assert.Equal([0.0, 1750.0], store.Load("living", TimeSpan.FromDays(1)).Select(s => s.HeatToAirWatts));
    }

    [Fact]
    public async Task A_miner_that_did_not_follow_a_wake_is_asked_again_rather_than_held_off()
    {
        var options = Options();
        options.Zones[0].Sources = ["fleet_miner"];
        options.Sources =
        [
            new HeatSourceOptions
            {
                Id = "fleet_miner", Kind = HeatSourceKind.Fleet, Entity = "s21", Type = HeatSourceType.Miner, JoulesPerTerahash = 17.5,
                PowerLevels = MinerLevels, MinimumOn = MinerMinimumOn, MinimumOff = MinerMinimumOn,
            },
        ];
        var miner = new ReadbackCommander("fleet_miner") { Delivered = 0 };
        _app = new HeatingApp(_ha, _scheduler, new StaticConfig(options), _journal, NullLogger<HeatingApp>.Instance,
            commanderFactories: [miner], history: ThermostatHistory(TimeSpan.FromHours(30)));
        await _app.InitializeAsync(CancellationToken.None);
        _ha.SetState(Room, "16.0");

        // The plan wakes the miner for the cold room; the fleet defers the wake, so the miner still sleeps 20 min later.
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(_app.IsOptimised("living"));
        Assert.True(miner.Commanded > 0);
        for (var minute = 0; minute < 20; minute++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            _ha.SetState(Room, "16.0");
        }

        // Read back as asleep, it has not "just switched off": the plan still asks for heat instead of holding it off
        // for its 30-minute minimum off time (which would cancel the fleet's deferred wake).
        Assert.True(miner.Commanded > 0, $"commanded {miner.Commanded} W");
        Assert.All(_journal.Latest(10).Where(d => d.At > _time.GetUtcNow() - TimeSpan.FromMinutes(10)), d => Assert.True(d.PowerWatts > 0));
    }

    // Hours of the simulated house under a thermostat with its 3.5 kW heater, ending at `end` (now), as a zone's stored history.
    private InMemoryHeatingHistoryStore ThermostatHistory(TimeSpan span, DateTimeOffset? end = null)
    {
        var store = new InMemoryHeatingHistoryStore();
        var heating = false;
        var until = end ?? _time.GetUtcNow();
        for (var at = until - span; at < until; at += TimeSpan.FromMinutes(1))
        {
            var room = Math.Round(_house.AirTemperature, 1);
            heating = room < 20.7 || (heating && room < 21.3);
            _house.Step(TimeSpan.FromMinutes(1), 2, new HeatInput((heating ? 3500 : 0) + 300, 0));
            store.Append("living", new HeatingHistorySample(at, room, 2, 0, heating ? 3500 : 0, 0));
        }

        return store;
    }

    private sealed class ReadbackCommander(string sourceId) : IHeatSourceCommander, IHeatSourceReadback, IHeatSourceCommanderFactory
    {
        public string SourceId => sourceId;

        public double? DeliveredWatts => Delivered;

        public double? Delivered { get; set; }

        public int Commanded { get; private set; }

        public Task CommandAsync(HeatSourceCommand command, CancellationToken cancellationToken)
        {
            Commanded = command.PowerWatts;
            return Task.CompletedTask;
        }

        public IHeatSourceCommander? TryCreate(HeatSourceOptions source) => source.Id == sourceId ? this : null;
    }

    private void RunMinutes(TimeSpan span, DateTimeOffset silentFrom)
    {
        var end = _time.GetUtcNow() + span;
        while (_time.GetUtcNow() < end)
        {
            var now = _time.GetUtcNow();
            var outdoor = 2 + (4 * Math.Sin((now - new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)).TotalHours / 24 * 2 * Math.PI));
            var heat = Heat();
            _house.Step(TimeSpan.FromMinutes(1), outdoor, new HeatInput(heat + 300, 0));
            _minutes.Add((now, _house.AirTemperature, outdoor, heat, _minerCommands.Count > 0 ? _minerCommands[^1].Watts : 0, Price(now)));
            _time.Advance(TimeSpan.FromMinutes(1));
            Report(_time.GetUtcNow(), outdoor, silentFrom);
        }
    }

    // A sensor that reports a change of 0.1 K and a heartbeat every 10 min, until it falls silent.
    private void Report(DateTimeOffset now, double outdoor, DateTimeOffset silentFrom)
    {
        if (now.Minute % 10 == 0)
        {
            _ha.SetState(Outdoor, outdoor.ToString("F1", CultureInfo.InvariantCulture));
        }

        var room = Math.Round(_house.AirTemperature, 1);
        if (now < silentFrom && (Math.Abs(room - _reported) >= 0.1 || now - _reportedAt >= TimeSpan.FromMinutes(10) || double.IsNaN(_reported)))
        {
            (_reported, _reportedAt) = (room, now);
            _ha.SetState(Room, room.ToString("F1", CultureInfo.InvariantCulture));
        }
    }

    private double Heat()
    {
        double miner = 0, heater = 0;
        foreach (var call in _ha.Calls.Skip(_seenCalls))
        {
            if (call.Target?.EntityIds?.Contains(MinerPower) == true)
            {
                var watts = (int)JsonSerializer.SerializeToElement(call.Data).GetProperty("value").GetDouble();
                _minerCommands.Add((_time.GetUtcNow(), watts));
            }
            else if (call.Target?.EntityIds?.Contains(Heater) == true)
            {
                _heaterOn = call.Service == "turn_on";
            }
        }

        _seenCalls = _ha.Calls.Count;
        miner = _minerCommands.Count > 0 ? _minerCommands[^1].Watts : 0;
        heater = _heaterOn ? 2000 : 0;
        return miner + heater;
    }

    private int _seenCalls;
    private bool _heaterOn;

    private static double Price(DateTimeOffset at) => at.Hour switch
    {
        < 6 => 0.12,
        < 17 => 0.30,
        < 21 => 0.45,
        _ => 0.25,
    };

    // Net cost (electricity less mining revenue) and discomfort below the target over the day from `from`.
    private (double Eur, double KelvinHours) Day(IReadOnlyList<HeatingDecision> decisions, DateTimeOffset from)
    {
        var day = _minutes.Where(m => m.At >= from && m.At < from + TimeSpan.FromDays(1)).ToList();
        var eur = day.Sum(m => ((m.Heat * m.Price) - (m.Miner * MinerRevenuePerKwh)) / 60000);
        var kelvinHours = day.Sum(m => Math.Max(0, LowerAt(decisions, m.At) - m.Air)) / 60;
        return (eur, kelvinHours);
    }

    // hashprice / (0.024 · J/TH) after the 2 % pool fee, €/kWh.
    private const double MinerRevenuePerKwh = 0.045 / (0.024 * 17.5) * 0.98;

    private static double LowerAt(IReadOnlyList<HeatingDecision> decisions, DateTimeOffset at) =>
        decisions.LastOrDefault(d => d.At <= at)?.TargetTemperature ?? double.NegativeInfinity;

    private static List<DateTimeOffset> Switches(List<(DateTimeOffset At, int Watts)> commands)
    {
        var switches = new List<DateTimeOffset>();
        for (var i = 1; i < commands.Count; i++)
        {
            if ((commands[i].Watts > 0) != (commands[i - 1].Watts > 0))
            {
                switches.Add(commands[i].At);
            }
        }

        return switches;
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Apps.Heating.Prices;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;
using ProofOfHeat.Sim.House;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Heating.Tests;

/// <summary>
/// A miner whose firmware restarts on every level change declares <c>level_hold</c>: the optimiser then keeps a level
/// it set for that long, where without the hold it follows the room from level to level.
/// </summary>
public sealed class RestartHoldTests : IDisposable
{
    private const string Room = "sensor.living_temperature";
    private const string MinerPower = "number.miner_power";
    private readonly FakeTimeProvider _time = new();
    private readonly FakeHaContext _ha;
    private readonly HeatingDecisionJournal _journal = new(capacity: 500);
    private HeatingApp? _app;

    public RestartHoldTests()
    {
        _ha = new FakeHaContext(_time);
        _ha.SetState(Room, "17.0");
        _ha.SetState("sensor.outdoor_temperature", "2.0");
    }

    public void Dispose()
    {
        _app?.Dispose();
        _journal.Dispose();
    }

    [Fact]
    public async Task A_held_miner_keeps_the_level_it_was_set_to_for_the_hold_and_moves_after_it()
    {
        // The room is cold, then warm from minute 20: without a hold the plan steps the miner down (or off) at once.
        var free = await LevelChanges(TimeSpan.Zero);
        Assert.Equal(3500, free[0].Watts);
        Assert.Contains(free, c => c.Minute is > 0 and < 60 && c.Watts != 3500);

        // With a 60-min hold (restart firmware) it stays at 3500 W until the hold from its start at minute 0 ends, then moves.
        var held = await LevelChanges(TimeSpan.FromMinutes(60));
        Assert.Equal((0, 3500.0), held[0]);
        Assert.DoesNotContain(held, c => c.Minute < 60 && c.Watts != 3500);
        Assert.Contains(held, c => c.Minute >= 60 && c.Watts != 3500);
    }

    [Fact]
    public void A_negative_hold_is_refused()
    {
        var source = Miner(TimeSpan.FromMinutes(-1));
        var error = Assert.Throws<ArgumentException>(source.Validate);
        Assert.Contains("level_hold", error.Message, StringComparison.Ordinal);
    }

    // Each minute the miner's commanded level changed, over two hours: the room at 17 °C, then 22.5 °C from minute 20.
    private async Task<List<(int Minute, double Watts)>> LevelChanges(TimeSpan hold)
    {
        _app?.Dispose();
        _ha.Calls.Clear();
        var store = new InMemoryHeatingHistoryStore();
        _app = new HeatingApp(_ha, new FakeAppScheduler(_time), new StaticConfig(Options(hold)), _journal, NullLogger<HeatingApp>.Instance, history: History(store));
        await _app.InitializeAsync(CancellationToken.None);
        var changes = new List<(int Minute, double Watts)>();
        for (var minute = 0; minute < 120; minute++)
        {
            _ha.SetState(Room, minute < 20 ? "17.0" : "22.5");
            _time.Advance(TimeSpan.FromMinutes(1));
            Assert.True(_app.IsOptimised("living"));
            var commands = Commands();
            if (commands.Count > 0 && (changes.Count == 0 || changes[^1].Watts != commands[^1]))
            {
                changes.Add((minute, commands[^1]));
            }
        }

        return changes;
    }

    private List<double> Commands() => [.. _ha.Calls
        .Where(c => c is { Domain: "number", Service: "set_value" } && c.Target?.EntityIds?.Contains(MinerPower) == true)
        .Select(c => Convert.ToDouble(((IDictionary<string, object>)c.Data!)["value"], System.Globalization.CultureInfo.InvariantCulture))];

    private static HeatSourceOptions Miner(TimeSpan hold) => new()
    {
        Id = "miner", Entity = MinerPower, PowerLevels = [0, 875, 1750, 2625, 3500], Type = HeatSourceType.Miner, JoulesPerTerahash = 17.5,
        MinimumOn = TimeSpan.FromMinutes(10), MinimumOff = TimeSpan.FromMinutes(10), LevelHold = hold,
    };

    private static HeatingOptions Options(TimeSpan hold) => new()
    {
        OutdoorTemperatureEntity = "sensor.outdoor_temperature",
        Zones = [new HeatingZoneOptions { Id = "living", RoomTemperatureEntity = Room, Sources = ["miner"] }],
        Sources = [Miner(hold)],
        Prices = new PriceOptions { Static = [new TimeOfUseRate { From = "00:00", To = "24:00", Price = 0.25 }], Hashprice = 0.045 },
        Optimiser = new OptimiserOptions { MinimumHistory = TimeSpan.FromHours(24) },
        TimeZone = "UTC",
    };

    // 30 h of the house under a thermostat at 2 °C outdoors, ending now: enough to identify the model at once.
    private InMemoryHeatingHistoryStore History(InMemoryHeatingHistoryStore store)
    {
        var house = new TwoNodeHouse(HouseParameters.Medium, 19.5, 19.0);
        var heating = false;
        var until = _time.GetUtcNow();
        for (var at = until - TimeSpan.FromHours(30); at < until; at += TimeSpan.FromMinutes(1))
        {
            var room = Math.Round(house.AirTemperature, 1);
            heating = room < 20.7 || (heating && room < 21.3);
            house.Step(TimeSpan.FromMinutes(1), 2, new HeatInput((heating ? 3500 : 0) + 300, 0));
            store.Append("living", new HeatingHistorySample(at, room, 2, 0, heating ? 3500 : 0, 0));
        }

        return store;
    }
}

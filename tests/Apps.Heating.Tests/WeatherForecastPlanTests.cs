using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Apps.Heating.Prices;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Weather;
using ProofOfHeat.Apps.Heating.Zones;
using ProofOfHeat.Sim.House;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Heating.Tests;

/// <summary>
/// The optimiser plans with HA's hourly forecast (<c>weather.get_forecasts</c>, asked for every hour). Two apps share
/// one fake HA, house history and time; only their weather entities' forecasts differ.
/// </summary>
public sealed class WeatherForecastPlanTests : IDisposable
{
    private const string Room = "sensor.living_temperature";
    private const string Outdoor = "sensor.outdoor_temperature";
    private readonly FakeTimeProvider _time = new();
    private readonly FakeHaContext _ha;
    private readonly HeatingDecisionJournal _journalA = new(capacity: 200);
    private readonly HeatingDecisionJournal _journalB = new(capacity: 200);
    private readonly List<HeatingApp> _apps = [];
    private bool _coldForA;

    public WeatherForecastPlanTests()
    {
        _ha = new FakeHaContext(_time);
        _ha.SetState(Room, "21.0");
        _ha.SetState(Outdoor, "2.0");
        _ha.Respond = call => call is { Domain: "weather", Service: "get_forecasts" }
            ? Forecast(call, entity => entity == "weather.a" && _coldForA ? -12 : 2)
            : null;
    }

    public void Dispose()
    {
        foreach (var app in _apps)
        {
            app.Dispose();
        }

        _journalA.Dispose();
        _journalB.Dispose();
    }

    [Fact]
    public async Task The_plan_changes_when_the_forecast_turns_cold_at_the_next_hourly_refresh()
    {
        await StartAsync("weather.a", _journalA);
        await StartAsync("weather.b", _journalB);
        _time.Advance(TimeSpan.FromSeconds(30));

        // Same house, same forecast: the same plan.
        var (a0, b0) = (LatestPlan(_journalA), LatestPlan(_journalB));
        Assert.Equal(Watts(b0), Watts(a0));
        Assert.Equal(b0.PredictedRoomTemperature, a0.PredictedRoomTemperature);

        // A's forecast turns cold; A has not asked again yet, so its plan still follows the mild forecast.
        _coldForA = true;
        Run(TimeSpan.FromMinutes(30));
        Assert.Equal(1, Asked("weather.a"));
        Assert.Equal(Watts(LatestPlan(_journalB)), Watts(LatestPlan(_journalA)));

        // The hourly refresh brings the cold forecast in, and A's plan heats more than B's for the same room now.
        Run(TimeSpan.FromMinutes(31));
        Assert.Equal(2, Asked("weather.a"));
        var (a1, b1) = (LatestPlan(_journalA), LatestPlan(_journalB));
        Assert.True(Watts(a1) > Watts(b1) || a1.PredictedRoomTemperature > b1.PredictedRoomTemperature,
            $"cold: {Watts(a1)} W to {a1.PredictedRoomTemperature:F2} °C; mild: {Watts(b1)} W to {b1.PredictedRoomTemperature:F2} °C");
        Assert.True(Watts(a1) >= Watts(b1));
    }

    [Fact]
    public void Parser_reads_the_entitys_hourly_temperatures_in_order_and_skips_incomplete_entries()
    {
        var json = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["weather.home"] = new
            {
                forecast = new object[]
                {
                    new { datetime = "2027-01-05T01:00:00+00:00", temperature = 3.5, condition = "rainy" },
                    new { datetime = "2027-01-05T00:00:00+00:00", temperature = 4.0, condition = "cloudy" },
                    new { datetime = "2027-01-05T02:00:00+00:00", condition = "cloudy" },
                },
            },
        });
        var points = HourlyForecastParser.Parse(json, "weather.home");
        Assert.Equal([4.0, 3.5], points.Select(p => p.Temperature));
        Assert.Equal(new DateTimeOffset(2027, 1, 5, 0, 0, 0, TimeSpan.Zero), points[0].At);
        Assert.Empty(HourlyForecastParser.Parse(json, "weather.other"));
        Assert.Equal(-20, HourlyForecastParser.Parse(JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["weather.us"] = new { forecast = new[] { new { datetime = "2027-01-05T00:00:00Z", temperature = -4.0 } } },
        }), "weather.us", fahrenheit: true)[0].Temperature, 9);
    }

    private async Task StartAsync(string weatherEntity, HeatingDecisionJournal journal)
    {
        var app = new HeatingApp(_ha, new FakeAppScheduler(_time), new StaticConfig(Options(weatherEntity)), journal, NullLogger<HeatingApp>.Instance, history: History());
        _apps.Add(app);
        await app.InitializeAsync(CancellationToken.None);
    }

    // The room sensor reports every minute (the same temperature), so the zones are never blind.
    private void Run(TimeSpan span)
    {
        for (var minute = 0; minute < span.TotalMinutes; minute++)
        {
            _ha.SetState(Room, "21.0");
            _time.Advance(TimeSpan.FromMinutes(1));
        }
    }

    private int Asked(string entity) => _ha.Calls.Count(c => c is { Domain: "weather", Service: "get_forecasts", ReturnResponse: true }
        && c.Target?.EntityIds?.Contains(entity) == true);

    private static ZonePlan LatestPlan(HeatingDecisionJournal journal)
    {
        var decision = journal.Latest(1).Single();
        Assert.StartsWith("plan:", decision.Reason, StringComparison.Ordinal);
        return Assert.IsType<ZonePlan>(decision.Plan);
    }

    private static double Watts(ZonePlan plan) => plan.Settings.Sum(s => s.Watts);

    private JsonElement Forecast(ServiceCall call, Func<string, double> temperature)
    {
        var now = _time.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var body = (call.Target?.EntityIds ?? []).ToDictionary(e => e, e => (object)new
        {
            forecast = Enumerable.Range(1, 36).Select(h => new { datetime = hour.AddHours(h).ToString("O"), temperature = temperature(e), condition = "cloudy" }).ToArray(),
        });
        return JsonSerializer.SerializeToElement(body);
    }

    private static HeatingOptions Options(string weatherEntity) => new()
    {
        OutdoorTemperatureEntity = Outdoor,
        Zones = [new HeatingZoneOptions { Id = "living", RoomTemperatureEntity = Room, Sources = ["miner", "heater"] }],
        Sources =
        [
            new HeatSourceOptions
            {
                Id = "miner", Entity = "number.miner_power", PowerLevels = [0, 875, 1750, 2625, 3500], Type = HeatSourceType.Miner, JoulesPerTerahash = 17.5,
                MinimumOn = TimeSpan.FromMinutes(30), MinimumOff = TimeSpan.FromMinutes(30),
            },
            new HeatSourceOptions { Id = "heater", Kind = HeatSourceKind.Switch, Entity = "switch.heater", PowerLevels = [0, 2000], MinimumOn = TimeSpan.FromMinutes(5), MinimumOff = TimeSpan.FromMinutes(5) },
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
        Optimiser = new OptimiserOptions { MinimumHistory = TimeSpan.FromHours(24), WeatherEntity = weatherEntity },
        TimeZone = "UTC",
    };

    // 30 h of the house under a thermostat at 2 °C outdoors, ending now: enough to identify the model at once.
    private InMemoryHeatingHistoryStore History()
    {
        var house = new TwoNodeHouse(HouseParameters.Medium, 19.5, 19.0);
        var store = new InMemoryHeatingHistoryStore();
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

using Microsoft.Extensions.Logging;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.TestKit.Logging;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Miners.Tests.Fakes;

/// <summary>A fleet of counting fake miners on a fake clock, with its app when a test starts it.</summary>
internal sealed class FleetHarness : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];

    private FleetHarness(MinerFleetOptions options, IReadOnlyDictionary<string, MinerCapabilities> capabilities)
    {
        Options = options;
        foreach (var miner in options.Miners)
        {
            Drivers[miner.Id] = new CountingMinerDriver(Time, capabilities.GetValueOrDefault(miner.Id, FakeMinerFamily.Continuous), miner.Family);
        }

        var factories = options.Miners.Select(m => m.Family).Distinct(StringComparer.Ordinal)
            .Select(family => new FakeMinerFamily(endpoint => Drivers[endpoint.Host], family));
        var context = new MinerDriverContext(Time, new MinerTimeouts(), Logs.CreateFactory());
        Fleet = new MinerFleet(options, new MinerDriverCatalog(factories), context, Logs.CreateFactory().CreateLogger<MinerFleet>());
        Ha = new FakeHaContext(Time);
        Scheduler = new FakeAppScheduler(Time);
    }

    public FakeTimeProvider Time { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public MinerFleetOptions Options { get; }

    public Dictionary<string, CountingMinerDriver> Drivers { get; } = new(StringComparer.Ordinal);

    public MinerFleet Fleet { get; }

    public FakeHaContext Ha { get; }

    public FakeAppScheduler Scheduler { get; }

    public FakeMinerEntities Entities { get; } = new();

    public List<MinerAlert> Alerts { get; } = [];

    /// <summary>A fleet of one miner <c>m1</c>.</summary>
    public static FleetHarness One(MinerCapabilities capabilities, string family = FakeMinerFamily.Id, Action<MinerFleetOptions>? configure = null) =>
        Create([("m1", capabilities, family)], configure);

    public static FleetHarness Create(IReadOnlyList<(string Id, MinerCapabilities Capabilities, string Family)> miners, Action<MinerFleetOptions>? configure = null)
    {
        var options = new MinerFleetOptions
        {
            Miners = [.. miners.Select(m => new FleetMinerOptions { Id = m.Id, Family = m.Family, Host = m.Id, Password = "hunter2" })],
        };
        configure?.Invoke(options);
        var harness = new FleetHarness(options, miners.ToDictionary(m => m.Id, m => m.Capabilities));
        harness._owned.Add(harness.Fleet.Alerts.Subscribe(harness.Alerts.Add));
        return harness;
    }

    /// <summary>Starts the app on the fake scheduler with the fake entities, or with MQTT entities on <paramref name="mqtt"/>.</summary>
    public MinerFleetApp StartApp(IMqttEntities? mqtt = null)
    {
        var logger = Logs.CreateFactory().CreateLogger<MinerFleetApp>();
        var app = mqtt is null
            ? new MinerFleetApp(Ha, Scheduler, Fleet, logger, entities: Entities)
            : new MinerFleetApp(Ha, Scheduler, Fleet, logger, mqttEntities: mqtt);
        _owned.Add(app);
        return app;
    }

    public Task<MinerRequestOutcome> RequestAsync(MinerCommand command, string minerId = "m1") =>
        Fleet.RequestAsync(minerId, command, "test", "because", CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        await Fleet.DisposeAsync();
        Logs.Dispose();
    }
}

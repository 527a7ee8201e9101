using ProofOfHeat.Drivers.HeatSources.OpenTherm;
using ProofOfHeat.Sim.HeatSources.OpenTherm;

namespace ProofOfHeat.Drivers.HeatSources.Devices.Tests.OpenTherm;

/// <summary>
/// A simulated gateway exchanging a message every 20 ms of real time with 10 s of boiler time per exchange (the
/// physics runs 500× faster than life), and a client on real time with generous healthy-path bounds.
/// </summary>
internal sealed class OtgwRig : IAsyncDisposable
{
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private OtgwRig(OtgwSimulator simulator, OtgwClient client)
    {
        Simulator = simulator;
        Client = client;
    }

    public OtgwSimulator Simulator { get; }

    public OtgwClient Client { get; }

    public static OtgwRig Start(TimeSpan? replyTimeout = null, int retries = 2)
    {
        var simulator = new OtgwSimulator(
            new OtgwSimulatorOptions { ReportInterval = TimeSpan.FromMilliseconds(20), SimulatedStepPerReport = TimeSpan.FromSeconds(10) },
            TimeProvider.System);
        var client = new OtgwClient(
            new OtgwClientOptions { Host = "127.0.0.1", Port = simulator.Port, ReplyTimeout = replyTimeout ?? TimeSpan.FromSeconds(30), Retries = retries },
            TimeProvider.System);
        return new OtgwRig(simulator, client);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}

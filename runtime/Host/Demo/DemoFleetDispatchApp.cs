using System.Reactive.Linq;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Host.Demo;

/// <summary>
/// Shares the heating's total demand out over the demo's miners through the fleet (so its dwell
/// times and drivers apply): the most efficient first, each up to its nameplate; a miner whose
/// minimum is more than what is left sleeps.
/// </summary>
[HomeApp(Id = "demo_dispatch")]
internal sealed partial class DemoFleetDispatchApp : IDisposable
{
    private readonly IDisposable _subscription;
    private readonly IMinerFleet _fleet;
    private readonly DemoMinerFarm _farm;
    private readonly ILogger<DemoFleetDispatchApp> _logger;

    /// <summary>Follows the demand.</summary>
    public DemoFleetDispatchApp(IMinerFleet fleet, DemoMinerFarm farm, ILogger<DemoFleetDispatchApp> logger)
    {
        ArgumentNullException.ThrowIfNull(farm);
        _fleet = fleet;
        _farm = farm;
        _logger = logger;
        _subscription = farm.Demands.StartWith(farm.Demand)
            .Select(watts => Observable.FromAsync(ct => DispatchAsync(watts, ct)))
            .Concat()
            .Subscribe();
    }

    /// <summary>What each miner gets for <paramref name="demand"/> W: a target in W, or 0 for sleep.</summary>
    public static IReadOnlyList<(string Id, int Watts)> Share(IReadOnlyList<DemoMiner> miners, int demand)
    {
        ArgumentNullException.ThrowIfNull(miners);
        var left = demand;
        var shares = new List<(string, int)>();
        foreach (var miner in miners)
        {
            var spec = miner.Hardware.Spec;
            var watts = left >= spec.MinimumPowerWatts ? Math.Min(left, spec.NominalPowerWatts) : 0;
            left -= watts;
            shares.Add((miner.Id, watts));
        }

        return shares;
    }

    /// <inheritdoc />
    public void Dispose() => _subscription.Dispose();

    private async Task DispatchAsync(int demand, CancellationToken cancellationToken)
    {
        foreach (var (id, watts) in Share(_farm.Miners, demand))
        {
            var command = watts > 0 ? MinerCommand.SetPower(watts) : MinerCommand.Sleep;
            var outcome = await _fleet.RequestAsync(id, command, "heating", $"demand {demand} W", cancellationToken).ConfigureAwait(false);
            if (outcome.Error is { } error)
            {
                LogRefused(_logger, id, command.ToString(), error);
            }
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Demo dispatch: {Miner} refused {Command}: {Error}")]
    private static partial void LogRefused(ILogger logger, string miner, string command, string error);
}

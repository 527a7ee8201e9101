using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Host.Api;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// The <c>miners</c> section of <c>/api/status</c>: the miners the fleet runs, and those it does not because their
/// entries cannot work, each with its reason (issue 10: one bad entry disables only its miner, and says so).
/// </summary>
internal sealed class MinerFleetStatusContributor(IServiceProvider services) : IStatusContributor
{
    /// <inheritdoc />
    public string Name => "miners";

    /// <inheritdoc />
    public object GetStatus()
    {
        // Resolved on request: a home without the fleet's module has no fleet, and the section says so.
        if (services.GetService<MinerFleet>() is not { } fleet)
        {
            return new { running = Array.Empty<string>(), disabled = Array.Empty<DisabledMiner>() };
        }

        return new
        {
            running = fleet.MinerIds,
            disabled = fleet.DisabledMiners.Select(d => new { id = d.Id, reason = d.Reason }),
        };
    }
}

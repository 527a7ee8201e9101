using System.Net;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Host.Api.Http;

namespace ProofOfHeat.Host.Api;

/// <summary>
/// <c>GET /api/miners</c>: what the fleet knows of each miner now (<see cref="MinerFleet.GetSnapshot"/>) — hashrate,
/// power, temperatures, mode — and what it earns per hour, worked out as the fleet app does for its revenue sensor
/// (hashrate × hashprice ÷ 24 × the currency rate; the hashprice from its entity when set, else the configured one).
/// Miners the fleet does not run are listed with the reason.
/// </summary>
internal static class MinersEndpoint
{
    /// <summary>The fleet's miners; 503 when this brain runs no fleet.</summary>
    public static ApiResult Get(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService(typeof(MinerFleet)) is not MinerFleet fleet)
        {
            return BrainApi.Error((int)HttpStatusCode.ServiceUnavailable, "this brain runs no miner fleet");
        }

        var options = fleet.Options;
        var hashprice = (options.HashpriceEntity is { } entity && services.GetService(typeof(HomeRuntime)) is HomeRuntime home
                && home.GetState(entity) is { IsUnavailable: false } state ? state.AsNumber() : null)
            ?? options.Hashprice;
        var miners = fleet.MinerIds.Select(id => MinerView.Of(fleet.GetSnapshot(id), hashprice, options.CurrencyRate)).ToList();
        return ApiResult.Json(new
        {
            currency = options.Currency,
            hashprice,
            miners,
            disabled = fleet.DisabledMiners.Select(d => new { id = d.Id, reason = d.Reason }).ToList(),
        });
    }
}

using System.Net;
using ProofOfHeat.Apps.Heating;
using ProofOfHeat.Host.Api.Http;
using ProofOfHeat.Telemetry.Store;

namespace ProofOfHeat.Host.Api;

/// <summary>
/// <c>GET /api/zones</c>: each zone as the heating app last decided it (<see cref="IHeatingDecisionJournal"/>, what the
/// app publishes to the rest of the brain): room, target, comfort band, the rule that decided, and the optimiser's plan
/// for the present slot (price, power per source). <c>history</c> names the zone's series in the telemetry store
/// (table <c>zone</c>), which the page charts through <c>/api/telemetry/series</c>.
/// </summary>
internal static class ZonesEndpoint
{
    // Enough decisions to hold the latest of every zone: a round decides each zone once.
    private const int DecisionsRead = 500;

    /// <summary>The zones, sorted by id; an empty list when the heating app has decided nothing yet.</summary>
    public static ApiResult Get(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService(typeof(IHeatingDecisionJournal)) is not IHeatingDecisionJournal journal)
        {
            return BrainApi.Error((int)HttpStatusCode.ServiceUnavailable, "the heating app does not run in this brain");
        }

        var store = services.GetService(typeof(TelemetryStore)) as TelemetryStore;
        var zoneSeries = store?.Series(TelemetrySchema.Zone.Name).Select(s => s.Symbol("zone")).OfType<string>().Distinct().ToList() ?? [];
        var zones = journal.Latest(DecisionsRead)
            .GroupBy(d => d.Zone, StringComparer.Ordinal)
            .Select(g => g.Last())
            .OrderBy(d => d.Zone, StringComparer.Ordinal)
            .Select(d => ZoneView.Of(d, HistorySymbol(d.Zone, zoneSeries)))
            .ToList();
        return ApiResult.Json(zones);
    }

    /// <summary>
    /// The <c>zone</c> symbol of the zone's series: the recorder names a zone after its climate entity, which the
    /// heating app declares as <c>climate.poh_&lt;id&gt;</c> (<c>MqttHeatingEntities</c>), and HA may keep a plainer name.
    /// </summary>
    internal static string? HistorySymbol(string zoneId, IReadOnlyList<string> recorded)
    {
        var published = "poh_" + zoneId.Replace('-', '_');
        return recorded.FirstOrDefault(s => string.Equals(s, published, StringComparison.Ordinal))
            ?? recorded.FirstOrDefault(s => string.Equals(s, zoneId, StringComparison.Ordinal));
    }
}

using System.Net;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Host.Api.Access;
using ProofOfHeat.Host.Api.Http;

namespace ProofOfHeat.Host.Api;

/// <summary>
/// <c>GET /api/alerts</c> (the open alerts, most severe and newest first) and <c>POST /api/alerts/{key}/ack</c>
/// (acknowledges one on behalf of the caller, through <see cref="IAlerts.AcknowledgeAsync"/>). Who may acknowledge
/// is the gate's business (<see cref="ApiAccessRules"/>: every change not named there needs an admin).
/// </summary>
internal static class AlertEndpoints
{
    private const string NoAlerts = "this brain has no alert service";

    /// <summary>The open alerts as the page lists them.</summary>
    public static ApiResult List(IServiceProvider services) => services.GetService(typeof(IAlerts)) is IAlerts alerts
        ? ApiResult.Json(alerts.Open.Select(AlertView.Of).ToList())
        : BrainApi.Error((int)HttpStatusCode.ServiceUnavailable, NoAlerts);

    /// <summary>Acknowledges the open alert <paramref name="key"/>; 404 when none is open under that key.</summary>
    public static async Task<ApiResult> AcknowledgeAsync(string key, ApiRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (services.GetService(typeof(IAlerts)) is not IAlerts alerts)
        {
            return BrainApi.Error((int)HttpStatusCode.ServiceUnavailable, NoAlerts);
        }

        // The gate let the request through, so asking it again names the same caller: ha:USER through ingress (the
        // name from X-Remote-User-Name, which only the Supervisor's address may set), token:NAME or local otherwise.
        var caller = await CallerEndpoint.CallerAsync(request, services, cancellationToken);
        var by = caller?.Name ?? "api";
        if (!await alerts.AcknowledgeAsync(key, by, cancellationToken))
        {
            return BrainApi.Error((int)HttpStatusCode.NotFound, $"no open alert has the key `{key}`");
        }

        var acknowledged = alerts.Open.FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.Ordinal));
        return acknowledged is null ? ApiResult.NoContent() : ApiResult.Json(AlertView.Of(acknowledged));
    }
}

using System.Net;
using ProofOfHeat.Host.Api.Http;
using ProofOfHeat.Host.Storage.Audit;

namespace ProofOfHeat.Host.Api;

/// <summary><c>GET /api/audit</c> over HTTP: the query string into <see cref="AuditQuery"/>, its answer into JSON (operators and admins only).</summary>
internal static class AuditEndpoint
{
    /// <summary>Answers the request from the durable trail, or 503 when the brain keeps none.</summary>
    public static ApiResult Handle(ApiRequest request, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService(typeof(DurableAuditTrail)) is not DurableAuditTrail trail)
        {
            return BrainApi.Error((int)HttpStatusCode.ServiceUnavailable, "no audit trail is stored");
        }

        var time = (TimeProvider)services.GetService(typeof(TimeProvider))!;
        var (status, body) = AuditQuery.Answer(request.QueryValue("since"), request.QueryValue("limit"), trail.Read, time.GetUtcNow());
        return ApiResult.Json(body, status);
    }
}

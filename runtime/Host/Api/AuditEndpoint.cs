using ProofOfHeat.Host.Storage.Audit;

namespace ProofOfHeat.Host.Api;

/// <summary><c>GET /api/audit</c> over HTTP: the query string into <see cref="AuditQuery"/>, its answer into JSON (operators and admins only).</summary>
internal static class AuditEndpoint
{
    /// <summary>Answers the request from the durable trail, or 503 when the brain keeps none.</summary>
    public static IResult Handle(HttpRequest request, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService(typeof(DurableAuditTrail)) is not DurableAuditTrail trail)
        {
            return BrainApi.Error(StatusCodes.Status503ServiceUnavailable, "no audit trail is stored");
        }

        var time = (TimeProvider)services.GetService(typeof(TimeProvider))!;
        var (status, body) = AuditQuery.Answer(request.Query["since"].FirstOrDefault(), request.Query["limit"].FirstOrDefault(), trail.Read, time.GetUtcNow());
        return Results.Json(body, statusCode: status);
    }
}

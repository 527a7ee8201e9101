using System.Net;
using ProofOfHeat.Host.Api.Access;
using ProofOfHeat.Host.Api.Http;

namespace ProofOfHeat.Host.Api;

/// <summary>
/// The brain's HTTP API: health, status, run-time state and app switches. A handful of fixed paths, so one small
/// dispatcher routes them (<see cref="RouteAsync"/>: add an endpoint with one line there, its handler in its own
/// file). Every request passes <see cref="ApiGate"/> first, and every change is audited by <see cref="ApiAudit"/>.
/// The transport underneath is <see cref="HttpApiServer"/>; handlers see only <see cref="ApiRequest"/> and answer an
/// <see cref="ApiResult"/>.
/// </summary>
internal static class BrainApi
{
    /// <summary>A 400 answer with <paramref name="message"/>.</summary>
    public static ApiResult BadRequest(string message) => Error((int)HttpStatusCode.BadRequest, message);

    /// <summary>An error answer with <paramref name="statusCode"/> and <paramref name="message"/>.</summary>
    public static ApiResult Error(int statusCode, string message) => ApiResult.Json(new ApiError(message), statusCode);

    /// <summary>The handler the server calls for every request, bound to the brain's services.</summary>
    public static ApiRequestHandler Handler(IServiceProvider services) => (request, cancellationToken) => HandleAsync(request, services, cancellationToken);

    /// <summary>Gates, routes and audits one request.</summary>
    public static async Task<ApiResult> HandleAsync(ApiRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        var audit = services.GetRequiredService<ApiAudit>();
        var correlationId = ApiAudit.NewCorrelationId();
        var path = ApiPath.Parse(request.Path);
        var decision = await services.GetRequiredService<ApiGate>().CheckAsync(request, path, cancellationToken);
        if (!decision.Allowed)
        {
            audit.Refused(request, decision.StatusCode, decision.Reason!, correlationId);
            var refusal = Error(decision.StatusCode, decision.Reason!).WithHeader(ApiAudit.CorrelationHeader, correlationId);
            return decision.Challenge is { } challenge ? refusal.WithHeader("WWW-Authenticate", challenge) : refusal;
        }

        var result = (await RouteAsync(request, path, services, cancellationToken)).WithHeader(ApiAudit.CorrelationHeader, correlationId);
        if (ApiAccessRules.IsChange(request.Method))
        {
            audit.Changed(decision.Caller, request, result.StatusCode, correlationId);
        }

        return result;
    }

    private static Task<ApiResult> RouteAsync(ApiRequest request, IReadOnlyList<string> path, IServiceProvider services, CancellationToken cancellationToken)
    {
        var method = request.Method;
        return path switch
        {
            ["healthz"] => Only(method, ApiMethods.Get, () => Task.FromResult(Health(services.GetRequiredService<HostHealth>()))),
            ["api", "telemetry", "series"] => Only(method, ApiMethods.Get, () => Task.FromResult(TelemetrySeriesEndpoint.Get(request, services))),
            ["metrics"] => Only(method, ApiMethods.Get, () => MetricsEndpoint.GetAsync(services, cancellationToken)),
            ["api", "status"] => Only(method, ApiMethods.Get, () =>
                Task.FromResult(ApiResult.Json(StatusDocument.Build(services.GetServices<IStatusContributor>())))),
            ["api", "state", var ns, var key] => StateEndpoints.HandleAsync(method, ns, key, request, services, cancellationToken),
            ["api", "audit"] => Only(method, ApiMethods.Get, () => Task.FromResult(AuditEndpoint.Handle(request, services))),
            ["api", "apps"] => Only(method, ApiMethods.Get, () => Task.FromResult(AppEndpoints.List(services))),
            ["api", "apps", var id, "enabled"] => Only(method, ApiMethods.Put, () =>
                AppEndpoints.SetEnabledAsync(id, request, services, cancellationToken)),
            [] => Only(method, ApiMethods.Get, () => Task.FromResult(Page.PageEndpoint.Index(request, services))),
            ["ui", var file] => Only(method, ApiMethods.Get, () => Task.FromResult(Page.PageEndpoint.Asset(file))),
            ["api", "me"] => Only(method, ApiMethods.Get, () => CallerEndpoint.GetAsync(request, services, cancellationToken)),
            ["api", "alerts"] => Only(method, ApiMethods.Get, () => Task.FromResult(AlertEndpoints.List(services))),
            ["api", "alerts", var key, "ack"] => Only(method, ApiMethods.Post, () => AlertEndpoints.AcknowledgeAsync(key, request, services, cancellationToken)),
            ["api", "zones"] => Only(method, ApiMethods.Get, () => Task.FromResult(ZonesEndpoint.Get(services))),
            ["api", "miners"] => Only(method, ApiMethods.Get, () => Task.FromResult(MinersEndpoint.Get(services))),
            ["api", "config", "check"] => Only(method, ApiMethods.Get, () => Task.FromResult(ConfigCheckEndpoint.Get(services))),
            _ => Task.FromResult(Error((int)HttpStatusCode.NotFound, "no such endpoint")),
        };
    }

    private static ApiResult Health(HostHealth health)
    {
        // Only healthy or not and why: the endpoint is open to anyone who can reach the port.
        var verdict = health.Check();
        return ApiResult.Json(
            verdict.Reason is null ? (object)new { status = verdict.Status } : new { status = verdict.Status, reason = verdict.Reason },
            verdict.Healthy ? (int)HttpStatusCode.OK : (int)HttpStatusCode.ServiceUnavailable);
    }

    /// <summary>Runs <paramref name="handler"/> for <paramref name="allowed"/>, else answers 405.</summary>
    public static Task<ApiResult> Only(string method, string allowed, Func<Task<ApiResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return ApiMethods.Is(method, allowed)
            ? handler()
            : Task.FromResult(Error((int)HttpStatusCode.MethodNotAllowed, $"use {allowed} here, not {method}"));
    }
}

using ProofOfHeat.Host.Api.Access;
using ProofOfHeat.Host.Api.Http;

namespace ProofOfHeat.Host.Api;

/// <summary>
/// <c>GET /api/me</c>: who the API takes the caller for and what they may change, so the page disables the buttons
/// the gate would refuse (the gate still decides: a disabled button is a courtesy, not the check).
/// </summary>
internal static class CallerEndpoint
{
    /// <summary>The brain's time, the caller's name and role, and whether they may switch apps and acknowledge alerts.</summary>
    public static async Task<ApiResult> GetAsync(ApiRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var caller = await CallerAsync(request, services, cancellationToken);
        var role = caller?.Role;
        var time = (TimeProvider)services.GetService(typeof(TimeProvider))!;
        return ApiResult.Json(new
        {
            // The brain's clock: the page asks for "the next 36 h" in the brain's time, not the browser's.
            now = time.GetUtcNow(),
            name = caller?.Name,
            role = role?.ToString().ToLowerInvariant(),
            may = new
            {
                switchApps = May(role, ApiMethods.Put, ["api", "apps", "app", "enabled"]),
                acknowledgeAlerts = May(role, ApiMethods.Post, ["api", "alerts", "key", "ack"]),
                readAudit = May(role, ApiMethods.Get, ["api", "audit"]),
            },
        });
    }

    /// <summary>The caller the gate names for <paramref name="request"/> (null for an anonymous or refused one).</summary>
    public static async Task<ApiCaller?> CallerAsync(ApiRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        var gate = (ApiGate)services.GetService(typeof(ApiGate))!;
        var decision = await gate.CheckAsync(request, ApiPath.Parse(request.Path), cancellationToken);
        return decision.Allowed ? decision.Caller : null;
    }

    private static bool May(ApiRole? role, string method, string[] path) =>
        role is { } held && (ApiAccessRules.Required(method, path) is not { } needed || held >= needed);
}

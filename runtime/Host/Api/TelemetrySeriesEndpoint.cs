using ProofOfHeat.Host.Api.Http;
using ProofOfHeat.Telemetry.Store;
using ProofOfHeat.Telemetry.Store.Charts;

namespace ProofOfHeat.Host.Api;

/// <summary><c>GET /api/telemetry/series</c>: the page's charts from the embedded telemetry store (<see cref="SeriesEndpoint"/>).</summary>
internal static class TelemetrySeriesEndpoint
{
    /// <summary>The answer to <paramref name="request"/>.</summary>
    public static ApiResult Get(ApiRequest request, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (status, body) = SeriesEndpoint.Handle(
            services.GetRequiredService<TelemetryStore>(),
            request.QueryValue,
            services.GetRequiredService<TimeProvider>().GetUtcNow());
        return ApiResult.Json(body, status);
    }
}

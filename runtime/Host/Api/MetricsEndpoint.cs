using ProofOfHeat.Host.Api.Http;
using ProofOfHeat.Telemetry.Store.Metrics;

namespace ProofOfHeat.Host.Api;

/// <summary>
/// <c>GET /metrics</c>: the brain's Prometheus metrics (<see cref="BrainMetrics"/>) in the text format. The body is
/// rendered by <see cref="RenderAsync"/>, which knows nothing of the HTTP server underneath.
/// </summary>
internal static class MetricsEndpoint
{
    /// <summary>The scrape's body and content type.</summary>
    public static async Task<(byte[] Body, string ContentType)> RenderAsync(BrainMetrics metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        using var body = new MemoryStream();
        await metrics.ExportAsync(body, cancellationToken);
        return (body.ToArray(), BrainMetrics.ContentType);
    }

    /// <summary>The answer to <c>GET /metrics</c>.</summary>
    public static async Task<ApiResult> GetAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var (body, contentType) = await RenderAsync(services.GetRequiredService<BrainMetrics>(), cancellationToken);
        return ApiResult.Bytes(body, contentType);
    }
}

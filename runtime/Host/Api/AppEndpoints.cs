using System.Net;
using System.Text.Json;
using ProofOfHeat.Host.Api.Http;

namespace ProofOfHeat.Host.Api;

/// <summary><c>GET /api/apps</c> and <c>PUT /api/apps/{id}/enabled</c>, through <see cref="IAppControl"/>.</summary>
internal static class AppEndpoints
{
    private const string NotAvailable = "apps not available";

    /// <summary><c>GET /api/apps</c>: every app with its switch and state.</summary>
    public static ApiResult List(IServiceProvider services) => services.GetService(typeof(IAppControl)) is IAppControl apps
        ? ApiResult.Json(apps.List())
        : BrainApi.Error((int)HttpStatusCode.ServiceUnavailable, NotAvailable);

    /// <summary><c>PUT /api/apps/{id}/enabled</c> with <c>{"enabled": bool}</c>.</summary>
    public static async Task<ApiResult> SetEnabledAsync(string id, ApiRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService(typeof(IAppControl)) is not IAppControl apps)
        {
            return BrainApi.Error((int)HttpStatusCode.ServiceUnavailable, NotAvailable);
        }

        bool enabled;
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("enabled", out var value)
                || value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return BrainApi.BadRequest("the body must be {\"enabled\": true} or {\"enabled\": false}");
            }

            enabled = value.GetBoolean();
        }
        catch (JsonException ex)
        {
            return BrainApi.BadRequest($"the body is not valid JSON: {ex.Message}");
        }

        if (!apps.List().Any(a => string.Equals(a.Id, id, StringComparison.Ordinal)))
        {
            return BrainApi.Error((int)HttpStatusCode.NotFound, $"there is no app `{id}`");
        }

        try
        {
            await apps.SetEnabledAsync(id, enabled, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return BrainApi.Error((int)HttpStatusCode.NotFound, $"there is no app `{id}`");
        }

        return ApiResult.Json(apps.List().First(a => string.Equals(a.Id, id, StringComparison.Ordinal)));
    }
}

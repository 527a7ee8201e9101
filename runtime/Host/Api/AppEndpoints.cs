using System.Text.Json;

namespace ProofOfHeat.Host.Api;

/// <summary><c>GET /api/apps</c> and <c>PUT /api/apps/{id}/enabled</c>, through <see cref="IAppControl"/>.</summary>
internal static class AppEndpoints
{
    private const string NotAvailable = "apps not available";

    /// <summary><c>GET /api/apps</c>: every app with its switch and state.</summary>
    public static IResult List(IServiceProvider services) => services.GetService(typeof(IAppControl)) is IAppControl apps
        ? Results.Json(apps.List())
        : BrainApi.Error(StatusCodes.Status503ServiceUnavailable, NotAvailable);

    /// <summary><c>PUT /api/apps/{id}/enabled</c> with <c>{"enabled": bool}</c>.</summary>
    public static async Task<IResult> SetEnabledAsync(string id, HttpRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService(typeof(IAppControl)) is not IAppControl apps)
        {
            return BrainApi.Error(StatusCodes.Status503ServiceUnavailable, NotAvailable);
        }

        bool enabled;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
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
            return BrainApi.Error(StatusCodes.Status404NotFound, $"there is no app `{id}`");
        }

        try
        {
            await apps.SetEnabledAsync(id, enabled, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return BrainApi.Error(StatusCodes.Status404NotFound, $"there is no app `{id}`");
        }

        return Results.Json(apps.List().First(a => string.Equals(a.Id, id, StringComparison.Ordinal)));
    }
}

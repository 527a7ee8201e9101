namespace ProofOfHeat.Host.Api;

/// <summary>Maps the brain's HTTP API: health, status, run-time state and app switches.</summary>
internal static class BrainApi
{
    /// <summary>Maps every endpoint onto <paramref name="routes"/>.</summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/healthz", (HostHealth health) => health.IsRunning
            ? Results.Json(new { status = health.Status })
            : Results.Json(new { status = health.Status }, statusCode: StatusCodes.Status503ServiceUnavailable));
        routes.MapGet("/api/status", (IEnumerable<IStatusContributor> contributors) => Results.Json(StatusDocument.Build(contributors)));
        StateEndpoints.Map(routes);
        AppEndpoints.Map(routes);
    }

    /// <summary>A 400 answer with <paramref name="message"/>.</summary>
    public static IResult BadRequest(string message) => Results.Json(new ApiError(message), statusCode: StatusCodes.Status400BadRequest);

    /// <summary>An error answer with <paramref name="statusCode"/> and <paramref name="message"/>.</summary>
    public static IResult Error(int statusCode, string message) => Results.Json(new ApiError(message), statusCode: statusCode);
}

namespace ProofOfHeat.Host.Api;

/// <summary>
/// The brain's HTTP API: health, status, run-time state and app switches. A handful of fixed
/// paths, so one small dispatcher routes them; ASP.NET's endpoint routing would cost the demo
/// several MB of resident memory for nothing.
/// </summary>
internal static class BrainApi
{
    /// <summary>Serves every request of <paramref name="app"/> through <see cref="HandleAsync"/>.</summary>
    public static void Map(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Run(HandleAsync);
    }

    /// <summary>A 400 answer with <paramref name="message"/>.</summary>
    public static IResult BadRequest(string message) => Results.Json(new ApiError(message), statusCode: StatusCodes.Status400BadRequest);

    /// <summary>An error answer with <paramref name="statusCode"/> and <paramref name="message"/>.</summary>
    public static IResult Error(int statusCode, string message) => Results.Json(new ApiError(message), statusCode: statusCode);

    private static async Task HandleAsync(HttpContext context)
    {
        var result = await RouteAsync(context, context.RequestAborted);
        await result.ExecuteAsync(context);
    }

    private static Task<IResult> RouteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var method = context.Request.Method;
        var path = ApiPath.Parse(context.Request.Path);
        return path switch
        {
            ["healthz"] => Only(method, HttpMethods.Get, () => Task.FromResult(Health(services.GetRequiredService<HostHealth>()))),
            ["api", "status"] => Only(method, HttpMethods.Get, () =>
                Task.FromResult(Results.Json(StatusDocument.Build(services.GetServices<IStatusContributor>())))),
            ["api", "state", var ns, var key] => StateEndpoints.HandleAsync(method, ns, key, context.Request, services, cancellationToken),
            ["api", "apps"] => Only(method, HttpMethods.Get, () => Task.FromResult(AppEndpoints.List(services))),
            ["api", "apps", var id, "enabled"] => Only(method, HttpMethods.Put, () =>
                AppEndpoints.SetEnabledAsync(id, context.Request, services, cancellationToken)),
            _ => Task.FromResult(Error(StatusCodes.Status404NotFound, $"no such endpoint: {context.Request.Path}")),
        };
    }

    private static IResult Health(HostHealth health) => health.IsRunning
        ? Results.Json(new { status = health.Status })
        : Results.Json(new { status = health.Status }, statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>Runs <paramref name="handler"/> for <paramref name="allowed"/>, else answers 405.</summary>
    public static Task<IResult> Only(string method, string allowed, Func<Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return string.Equals(method, allowed, StringComparison.OrdinalIgnoreCase)
            ? handler()
            : Task.FromResult(Error(StatusCodes.Status405MethodNotAllowed, $"use {allowed} here, not {method}"));
    }
}

using ProofOfHeat.Host.Api.Access;

namespace ProofOfHeat.Host.Api;

/// <summary>
/// The brain's HTTP API: health, status, run-time state and app switches. A handful of fixed
/// paths, so one small dispatcher routes them; ASP.NET's endpoint routing would cost the demo
/// several MB of resident memory for nothing. Every request passes <see cref="ApiGate"/> first, and
/// every change is audited by <see cref="ApiAudit"/>.
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
        var services = context.RequestServices;
        var audit = services.GetRequiredService<ApiAudit>();
        var correlationId = ApiAudit.NewCorrelationId();
        context.Response.Headers[ApiAudit.CorrelationHeader] = correlationId;
        var path = ApiPath.Parse(context.Request.Path);
        var decision = await services.GetRequiredService<ApiGate>().CheckAsync(context, path, context.RequestAborted);
        if (!decision.Allowed)
        {
            if (decision.Challenge is { } challenge)
            {
                context.Response.Headers.WWWAuthenticate = challenge;
            }

            audit.Refused(context.Request, decision.StatusCode, decision.Reason!, correlationId);
            await Error(decision.StatusCode, decision.Reason!).ExecuteAsync(context);
            return;
        }

        IResult result;
        try
        {
            result = await RouteAsync(context, path, context.RequestAborted);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own verdict on the request (body over the size limit, a body cut short): its status, our shape.
            result = Error(ex.StatusCode, ex.Message);
        }

        await result.ExecuteAsync(context);
        if (ApiAccessRules.IsChange(context.Request.Method))
        {
            audit.Changed(decision.Caller, context.Request, context.Response.StatusCode, correlationId);
        }
    }

    private static Task<IResult> RouteAsync(HttpContext context, IReadOnlyList<string> path, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var method = context.Request.Method;
        return path switch
        {
            ["healthz"] => Only(method, HttpMethods.Get, () => Task.FromResult(Health(services.GetRequiredService<HostHealth>()))),
            ["api", "status"] => Only(method, HttpMethods.Get, () =>
                Task.FromResult(Results.Json(StatusDocument.Build(services.GetServices<IStatusContributor>())))),
            ["api", "state", var ns, var key] => StateEndpoints.HandleAsync(method, ns, key, context.Request, services, cancellationToken),
            ["api", "audit"] => Only(method, HttpMethods.Get, () => Task.FromResult(AuditEndpoint.Handle(context.Request, services))),
            ["api", "apps"] => Only(method, HttpMethods.Get, () => Task.FromResult(AppEndpoints.List(services))),
            ["api", "apps", var id, "enabled"] => Only(method, HttpMethods.Put, () =>
                AppEndpoints.SetEnabledAsync(id, context.Request, services, cancellationToken)),
            _ => Task.FromResult(Error(StatusCodes.Status404NotFound, "no such endpoint")),
        };
    }

    private static IResult Health(HostHealth health)
    {
        // Only healthy or not and why: the endpoint is open to anyone who can reach the port.
        var verdict = health.Check();
        return Results.Json(
            verdict.Reason is null ? (object)new { status = verdict.Status } : new { status = verdict.Status, reason = verdict.Reason },
            statusCode: verdict.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Runs <paramref name="handler"/> for <paramref name="allowed"/>, else answers 405.</summary>
    public static Task<IResult> Only(string method, string allowed, Func<Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return string.Equals(method, allowed, StringComparison.OrdinalIgnoreCase)
            ? handler()
            : Task.FromResult(Error(StatusCodes.Status405MethodNotAllowed, $"use {allowed} here, not {method}"));
    }
}

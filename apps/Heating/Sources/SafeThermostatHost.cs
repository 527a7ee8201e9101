using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>
/// The host's side of <see cref="SafeThermostatKeeper"/>: rooms read from the runtime's state cache, services called on
/// the backend (audited as the heating app's), miners through the registered commander factories (the fleet's dwell
/// guard). Everything is resolved when a source is handed over, not when the keeper is built.
/// </summary>
internal static class SafeThermostatHost
{
    /// <summary>The keeper over <paramref name="services"/>.</summary>
    public static SafeThermostatKeeper Create(IServiceProvider services)
    {
        var time = services.GetRequiredService<TimeProvider>();
        return new SafeThermostatKeeper(
            time,
            entity => services.GetService<HomeRuntime>()?.GetState(entity) is { IsUnavailable: false } state ? state.AsNumber() : null,
            source => services.GetServices<IHeatSourceCommanderFactory>().Select(f => f.TryCreate(source)).FirstOrDefault(c => c is not null)
                ?? (source.Kind is HeatSourceKind.Fleet or HeatSourceKind.Driver || services.GetService<IHomeBackend>() is not { } backend
                    ? null
                    : new HaServiceHeatSourceCommander((call, ct) => CallAsync(backend, services.GetService<IAuditTrail>(), time, call, ct), source)),
            services.GetRequiredService<ILogger<SafeThermostatKeeper>>());
    }

    private static async Task<JsonElement?> CallAsync(IHomeBackend backend, IAuditTrail? audit, TimeProvider time, ServiceCall call, CancellationToken cancellationToken)
    {
        var correlationId = IAuditTrail.NewCorrelationId();
        var target = call.Target?.EntityIds is { Count: > 0 } ids ? string.Join(",", ids) : $"{call.Domain}.{call.Service}";
        try
        {
            var response = await backend.CallServiceAsync(call, cancellationToken).ConfigureAwait(false);
            audit?.Record(new AuditEntry(time.GetUtcNow(), "app:heating", "service_call", target, "safe thermostat", correlationId, "ok", $"{call.Domain}.{call.Service}"));
            return response;
        }
        catch (Exception ex)
        {
            audit?.Record(new AuditEntry(time.GetUtcNow(), "app:heating", "service_call", target, "safe thermostat", correlationId, $"failed: {ex.Message}", $"{call.Domain}.{call.Service}"));
            throw;
        }
    }
}

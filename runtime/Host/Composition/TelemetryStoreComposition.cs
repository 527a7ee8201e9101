using ProofOfHeat.Host.Telemetry;
using ProofOfHeat.Telemetry.Sinks;
using ProofOfHeat.Telemetry.Store;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// The embedded telemetry store: <c>telemetry.db</c> in the data directory, opened with the host and kept within its
/// retention by <see cref="TelemetryStoreMaintenance"/>. The telemetry pipeline (runtime/Telemetry) delivers to it
/// as one of its sinks; <c>poh report</c> and the page's charts read it.
/// </summary>
internal static class TelemetryStoreComposition
{
    /// <summary>Registers the store in <paramref name="dataDirectory"/>.</summary>
    public static void Add(IServiceCollection services, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new TelemetryStoreOptions());
        services.AddSingleton(sp => TelemetryStore.Open(dataDirectory, sp.GetRequiredService<TelemetryStoreOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<TelemetryStoreMaintenance>();
        services.AddSingleton<ITelemetrySink>(sp => new EmbeddedStoreSink(sp.GetRequiredService<TelemetryStore>()));
    }
}

using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.Host.Telemetry;
using ProofOfHeat.Telemetry;
using ProofOfHeat.Telemetry.Delivery;
using ProofOfHeat.Telemetry.Http;
using ProofOfHeat.Telemetry.Outbox;
using ProofOfHeat.Telemetry.Recording;
using ProofOfHeat.Telemetry.Sinks;
using ProofOfHeat.Telemetry.Store;
using ProofOfHeat.Telemetry.Store.Metrics;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// Registers telemetry: the pipeline (recorder → outbox under <c>&lt;data dir&gt;/telemetry-outbox</c> → one delivery
/// per sink), <see cref="ITelemetryRecorder"/> for apps and the runtime, the QuestDB and InfluxDB sinks the
/// <c>telemetry:</c> section names, every other <see cref="ITelemetrySink"/> registered in the container (the
/// embedded store registers itself so), and the recording of the home's state changes and of the audit trail's
/// commands and alerts. What apps and the runtime are given as <see cref="ITelemetryRecorder"/> is the pipeline's
/// recorder behind a <see cref="ThrottlingTelemetryRecorder"/>: a sampled series (<see cref="TelemetrySchema.SampledTables"/>)
/// is recorded at most once per <see cref="SampleInterval"/>, latest value winning, so a storm cannot flood the outbox.
/// </summary>
internal static class TelemetryComposition
{
    /// <summary>The outbox's directory under the data directory.</summary>
    public const string OutboxDirectory = "telemetry-outbox";

    /// <summary>The shortest time between two recorded points of one sampled series (the 1 s resolution).</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    /// <summary>Adds telemetry; call after the home backend is registered.</summary>
    public static void Add(IServiceCollection services, TelemetryOptions options)
    {
        services.AddSingleton(sp => Open(sp, options));
        services.AddSingleton(sp => new ThrottlingTelemetryRecorder(
            sp.GetRequiredService<TelemetryPipeline>().Recorder, sp.GetRequiredService<TimeProvider>(), SampleInterval, TelemetrySchema.IsSampled));
        services.AddSingleton<ITelemetryRecorder>(sp => sp.GetRequiredService<ThrottlingTelemetryRecorder>());
        services.AddSingleton<ITelemetryStatus>(sp => new PipelineTelemetryStatus(sp.GetRequiredService<TelemetryPipeline>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<TelemetryPipelineService>();
        RecordHomeStates(services);
        RecordAudit(services);
    }

    private static TelemetryPipeline Open(IServiceProvider services, TelemetryOptions options)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var settings = services.GetRequiredService<BrainHostSettings>();
        var sinks = services.GetServices<ITelemetrySink>().Select(sink => (sink, new DeliveryOptions())).ToList();
        foreach (var ilp in IlpSinks(options))
        {
            var sink = new IlpHttpSink(ilp, time, loggers.CreateLogger<IlpHttpSink>());
            sinks.Add((sink, new DeliveryOptions { FlushRows = ilp.AutoFlushRows, FlushInterval = ilp.AutoFlushInterval }));
        }

        var outbox = new OutboxOptions
        {
            Directory = Path.Combine(settings.DataDirectory, OutboxDirectory),
            MaxBytes = options.OutboxMib * 1024L * 1024,
            SegmentBytes = Math.Min(4L * 1024 * 1024, options.OutboxMib * 1024L * 1024 / 4),
        };
        return new TelemetryPipeline(outbox, new RecorderOptions(), sinks, time, loggers);
    }

    private static IEnumerable<IlpHttpOptions> IlpSinks(TelemetryOptions options)
    {
        if (options.QuestDb is { } questDb)
        {
            yield return IlpConfigString.Parse(questDb);
        }

        if (options.InfluxDb is { } influx)
        {
            yield return new IlpHttpOptions
            {
                Address = influx.Url,
                Kind = IlpServerKind.InfluxDb,
                Database = influx.Database,
                Username = influx.Username,
                Password = influx.Password,
                AutoFlushRows = 5000,
            };
        }
    }

    /// <summary>Puts <see cref="RecordingHomeBackend"/> around the registered home backend.</summary>
    private static void RecordHomeStates(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IHomeBackend));
        if (registered is null)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IHomeBackend>(sp =>
            new RecordingHomeBackend((IHomeBackend)Resolve(sp, registered), sp.GetRequiredService<ITelemetryRecorder>));
    }

    /// <summary>Puts <see cref="RecordingAuditTrail"/> around the registered audit trail: device commands and alerts.</summary>
    private static void RecordAudit(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IAuditTrail));
        if (registered is null)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IAuditTrail>(sp =>
            new RecordingAuditTrail((IAuditTrail)Resolve(sp, registered), sp.GetRequiredService<ITelemetryRecorder>));
    }

    private static object Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}

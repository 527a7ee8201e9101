using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.MqttEntities.Tests.Support;
using ProofOfHeat.MqttEntities.Zigbee2Mqtt;
using ProofOfHeat.TestKit.Logging;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.MqttEntities.Tests.Hosting;

/// <summary>A host wired as the lead would wire it: app runtime, MQTT connection, entities and Zigbee2MQTT devices.</summary>
internal sealed class BrainHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private BrainHost(IHost host) => _host = host;

    public CapturingLoggerProvider Logs { get; private init; } = null!;

    public IdleBackend Primary { get; private init; } = null!;

    public AppProbe Probe => _host.Services.GetRequiredService<AppProbe>();

    public HomeRuntime Runtime => _host.Services.GetRequiredService<HomeRuntime>();

    public IServiceProvider Services => _host.Services;

    public static async Task<BrainHost> StartAsync(
        MosquittoBroker broker,
        Action<IServiceCollection> apps,
        Action<Zigbee2MqttOptions>? devices = null,
        IdleBackend? primary = null)
    {
        var logs = new CapturingLoggerProvider();
        primary ??= new IdleBackend();
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AppProbe>();
        builder.Services.AddSingleton<IHomeBackend>(primary);
        builder.Services.AddHomeAppModel();
        apps(builder.Services);
        builder.Services.AddMqttConnection(_ => BrokerClients.Options(broker, "brain"));
        builder.Services.AddMqttEntities(o => o.OriginVersion = "0.1.0", SampleEntities.Declare);
        if (devices is not null)
        {
            builder.Services.AddZigbee2MqttDevices(devices);
        }

        var host = builder.Build();
        await host.StartAsync().WaitAsync(TestTimeouts.Safety);
        return new BrainHost(host) { Logs = logs, Primary = primary };
    }

    public async Task StopAsync()
    {
        _stopped = true;
        await _host.StopAsync().WaitAsync(TestTimeouts.Safety);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await StopAsync();
        }

        _host.Dispose();
    }
}

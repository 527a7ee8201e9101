using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.MqttEntities;

/// <summary>
/// Owns the MQTT connection for the host: connects the client (it reconnects by itself), runs the entity manager's
/// loop when entities are registered, and on shutdown marks the brain offline before a clean DISCONNECT.
/// </summary>
internal sealed partial class MqttConnectionService(
    MqttClient client,
    ILogger<MqttConnectionService> logger,
    MqttEntityManager? manager = null) : BackgroundService
{
    private static readonly TimeSpan GoodbyeTimeout = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var managerLoop = manager?.RunAsync(stoppingToken) ?? Task.CompletedTask;
        try
        {
            LogConnecting(logger, client.Options.ToString());
            await client.ConnectAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (MqttException ex)
        {
            LogRefused(logger, ex, client.Options.ToString());
        }

        await managerLoop;
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (manager is not null && client.IsConnected)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(GoodbyeTimeout);
            try
            {
                await manager.PublishOfflineAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or MqttException)
            {
                LogGoodbyeFailed(logger, ex.Message);
            }
        }

        await client.DisconnectAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "MQTT: connecting to {Endpoint}")]
    private static partial void LogConnecting(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Error, Message = "MQTT: the broker at {Endpoint} refused the connection for good")]
    private static partial void LogRefused(ILogger logger, Exception ex, string endpoint);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "MQTT: could not publish 'offline' before disconnecting: {Reason}")]
    private static partial void LogGoodbyeFailed(ILogger logger, string reason);
}

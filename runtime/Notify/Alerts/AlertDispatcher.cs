using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProofOfHeat.Notify.Alerts;

/// <summary>
/// The background sender: restores open alerts on start, then hands each queued delivery to every channel at once,
/// so a slow channel (Telegram waiting out a 429) never holds up HA's records or the mobile app; on stop it writes
/// the open alerts the write-behind store still holds.
/// </summary>
public sealed partial class AlertDispatcher(AlertService alerts, IEnumerable<IAlertChannel> channels, ILogger<AlertDispatcher> logger) : BackgroundService
{
    private readonly IAlertChannel[] _channels = [.. channels];
    private long _delivered;

    /// <summary>Deliveries handed to every channel so far.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await alerts.RestoreAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A clean stop keeps every open alert: the write-behind store gets what it still holds.
            await alerts.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's stop timeout ran out; the service's own dispose tries once more, bounded.
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in alerts.Deliveries.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await Task.WhenAll(_channels.Select(channel => DeliverAsync(channel, delivery, stoppingToken))).ConfigureAwait(false);
                Interlocked.Increment(ref _delivered);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(IAlertChannel channel, AlertDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await channel.DeliverAsync(delivery, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // One line, no stack trace: a channel down (HA away, the demo without HA) is expected, and logged at every delivery.
            LogChannelFailed(logger, channel.Name, delivery.Kind, delivery.Alert.Key, ex.GetType().Name, ex.Message);
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "The {Channel} channel could not send {Kind} of alert {Key}: {Error}: {Reason}")]
    private static partial void LogChannelFailed(ILogger logger, string channel, AlertDeliveryKind kind, string key, string error, string reason);
}

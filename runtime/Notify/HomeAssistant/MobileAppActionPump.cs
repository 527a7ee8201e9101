using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Backend;

namespace ProofOfHeat.Notify.HomeAssistant;

/// <summary>
/// Carries <c>mobile_app_notification_action</c> events from the backend's reader (which must never wait) to the
/// <see cref="MobileAppActionHandler"/> through a small bounded queue.
/// </summary>
public sealed partial class MobileAppActionPump(MobileAppActionHandler handler, ILogger<MobileAppActionPump> logger) : BackgroundService
{
    private readonly Channel<HomeEvent> _queue = Channel.CreateBounded<HomeEvent>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Queues the event when it is a notification action; returns at once.</summary>
    public void Post(HomeEvent homeEvent)
    {
        ArgumentNullException.ThrowIfNull(homeEvent);
        if (homeEvent.EventType == MobileAppActionHandler.EventType)
        {
            _queue.Writer.TryWrite(homeEvent);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var homeEvent in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await handler.HandleAsync(homeEvent, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "A mobile app notification action could not be handled")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProofOfHeat.Notify.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ProofOfHeat.Notify.Telegram;

/// <summary>
/// The bot's long-polling loop. Telegram.Bot's own receiver re-polls at once after an error (a 409 becomes a hot loop:
/// TelegramBots/Telegram.Bot src/Telegram.Bot/TelegramBotClientExtensions.Polling.cs), so this loop is ours: getUpdates with the configured <c>timeout</c>, exponential
/// backoff on the injected clock after failures, a 429's <c>retry_after</c> honoured, and each update confirmed
/// (offset = id + 1) before it is handled so a failing update is never redelivered forever.
/// </summary>
public sealed partial class TelegramBotService(
    ITelegramBotClient bot,
    TelegramUpdateRouter router,
    TelegramOptions options,
    TimeProvider timeProvider,
    ILogger<TelegramBotService> logger) : BackgroundService
{
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];
    private int _polls;
    private int _failures;

    /// <summary>getUpdates calls answered so far.</summary>
    public int Polls => Volatile.Read(ref _polls);

    /// <summary>getUpdates calls that failed so far.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = options.MinBackoff;
        var announced = false;
        int? offset = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                if (!announced)
                {
                    // getUpdates answers 409 while a webhook is set (https://core.telegram.org/bots/api#getupdates), and the menu lists what the bot understands.
                    await bot.DeleteWebhook(cancellationToken: stoppingToken).ConfigureAwait(false);
                    await bot.SetMyCommands(router.Commands.Select(c => new BotCommand(c.Name, c.Description)), cancellationToken: stoppingToken).ConfigureAwait(false);
                    announced = true;
                }

                updates = await bot.GetUpdates(offset, 100, (int)options.PollTimeout.TotalSeconds, Wanted, stoppingToken).ConfigureAwait(false);
                Interlocked.Increment(ref _polls);
                backoff = options.MinBackoff;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RequestException or HttpRequestException or OperationCanceledException)
            {
                Interlocked.Increment(ref _failures);
                var wait = ex is ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: { } retryAfter }
                    ? TimeSpan.FromSeconds(retryAfter)
                    : backoff;
                LogPollFailed(logger, wait, (ex as ApiRequestException)?.ErrorCode ?? 0, ex.Message);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
                try
                {
                    await Task.Delay(wait, timeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            foreach (var update in updates)
            {
                offset = update.Id + 1;
                try
                {
                    await router.HandleAsync(update, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    LogUpdateFailed(logger, update.Id, ex);
                }
            }
        }
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Warning, Message = "Telegram getUpdates failed (code {Code}: {Reason}); polling again in {Wait}")]
    private static partial void LogPollFailed(ILogger logger, TimeSpan wait, int code, string reason);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Telegram update {UpdateId} could not be handled")]
    private static partial void LogUpdateFailed(ILogger logger, int updateId, Exception exception);
}

using ProofOfHeat.Notify.Options;
using Telegram.Bot;

namespace ProofOfHeat.Notify.Telegram;

/// <summary>Builds the Telegram.Bot client from the options.</summary>
public static class TelegramClientFactory
{
    /// <summary>
    /// A client for the configured server. Its own 429 retry sleeps on the wall clock, so it is switched off
    /// (RetryThreshold 0) and <see cref="TelegramSender"/> waits out <c>retry_after</c> on the injected clock instead.
    /// The HTTP timeout outlasts the long poll, or the client's timeout races the server's reply (Telegram.Bot sends timeout = its HttpClient timeout; the server clamps to 50 s).
    /// </summary>
    public static ITelegramBotClient Create(TelegramOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new TelegramBotClientOptions(options.Token, options.ServerUrl?.ToString())
        {
            RetryThreshold = 0,
            RetryCount = 0,
        };
        httpClient ??= new HttpClient();
        httpClient.Timeout = options.PollTimeout + TimeSpan.FromSeconds(15);
        return new TelegramBotClient(clientOptions, httpClient);
    }
}

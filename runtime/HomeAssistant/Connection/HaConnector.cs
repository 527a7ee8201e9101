using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProofOfHeat.HomeAssistant.Codec;
using ProofOfHeat.HomeAssistant.Messages;

namespace ProofOfHeat.HomeAssistant.Connection;

/// <summary>
/// Opens a socket, runs the auth phase, negotiates coalescing and checks that HA is RUNNING.
/// Returns a ready connection or throws one of our exceptions.
/// </summary>
internal sealed class HaConnector(
    HomeAssistantClientOptions options,
    Func<IWebSocketTransport> transportFactory,
    TimeProvider timeProvider,
    ILogger logger)
{
    public async Task<(HomeAssistantConnection Connection, HaConfig Config)> ConnectAsync(
        IHomeAssistantEventHandler handler,
        CancellationToken cancellationToken)
    {
        Log.Connecting(logger, UriRedaction.WithoutUserInfo(options.WebSocketUri));
        var transport = transportFactory();
        string haVersion;
        try
        {
            haVersion = await AuthenticateWithTimeoutAsync(transport, cancellationToken);
        }
        catch
        {
            await transport.DisposeAsync();
            throw;
        }

        var coalescing = HaVersion.IsAtLeast(haVersion, HaVersion.CoalescingSince.Major, HaVersion.CoalescingSince.Minor);
        Log.Authenticated(logger, haVersion, coalescing);
        var connection = new HomeAssistantConnection(transport, haVersion, handler, options.RequestTimeout, options.MaxMessageBytes, timeProvider, logger);
        try
        {
            if (coalescing)
            {
                await connection.EnableCoalescingAsync(cancellationToken);
            }

            var config = await connection.GetConfigAsync(cancellationToken);
            if (!config.IsRunning)
            {
                throw new HomeAssistantNotReadyException($"Home Assistant is not running yet (state '{config.State}').");
            }

            return (connection, config);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<string> AuthenticateWithTimeoutAsync(IWebSocketTransport transport, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.AuthTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await transport.ConnectAsync(options.WebSocketUri, linked.Token);
            return await AuthenticateAsync(transport, linked.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new HomeAssistantConnectionException(
                $"Home Assistant did not complete the connection and auth exchange within {options.AuthTimeout}.", ex);
        }
        catch (Exception ex) when (HaTransportErrors.IsConnectionError(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw HaTransportErrors.Translate(ex, "connecting and authenticating");
        }
    }

    private async Task<string> AuthenticateAsync(IWebSocketTransport transport, CancellationToken cancellationToken)
    {
        var buffer = new HaReceiveBuffer(1024, options.MaxMessageBytes);
        var required = await ReceiveOneAsync(transport, buffer, cancellationToken);
        if (required.Type != HaMessageType.AuthRequired)
        {
            throw new HomeAssistantConnectionException($"Expected auth_required from Home Assistant, got {required.Type}.");
        }

        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            HaCommandEncoder.WriteAuth(writer, options.AccessToken);
        }

        Log.AuthSent(logger, buffer.WrittenCount);
        await transport.SendMessageAsync(buffer.WrittenMemory, cancellationToken);

        buffer.ResetWrittenCount();
        var answer = await ReceiveOneAsync(transport, buffer, cancellationToken);
        return answer.Type switch
        {
            HaMessageType.AuthOk => HaMessageDecoder.ReadString(answer.Root, "ha_version"u8)
                ?? HaMessageDecoder.ReadString(required.Root, "ha_version"u8) ?? string.Empty,
            HaMessageType.AuthInvalid => throw new HomeAssistantAuthenticationException(
                HaMessageDecoder.ReadString(answer.Root, "message"u8) ?? "Invalid access token."),
            _ => throw new HomeAssistantConnectionException($"Expected auth_ok or auth_invalid, got {answer.Type}."),
        };
    }

    private static async Task<HaIncomingMessage> ReceiveOneAsync(
        IWebSocketTransport transport,
        HaReceiveBuffer buffer,
        CancellationToken cancellationToken)
    {
        if (!await transport.ReceiveMessageAsync(buffer, cancellationToken))
        {
            throw new HomeAssistantConnectionException("Home Assistant closed the socket during authentication.");
        }

        var messages = new List<HaIncomingMessage>(1);
        HaFrameDecoder.Decode(buffer.WrittenSpan, messages);
        return messages.Count == 1
            ? messages[0]
            : throw new HomeAssistantConnectionException($"Expected one auth message, got {messages.Count}.");
    }
}

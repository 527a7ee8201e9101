using System.Net.WebSockets;
using System.Text;

namespace ProofOfHeat.Bench.Throughput;

/// <summary>
/// The ceiling: a bare <see cref="ClientWebSocket"/> that authenticates, subscribes and then only counts
/// frames, without parsing them. It shows what loopback, framing and the fake server cost on their own.
/// </summary>
internal sealed class SocketOnlyStage(int eventsPerArrayFrame) : IFedStage
{
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _reader;

    public string Name => "socket only (no JSON)";

    public ConsumptionGate Gate { get; } = new(1);

    public int ClimateCounter => -1;

    public long Dropped => 0;

    public async Task ConnectAsync(Uri webSocketUri, CancellationToken cancellationToken)
    {
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await _socket.ConnectAsync(webSocketUri, cancellationToken);
        var buffer = new byte[64 * 1024];
        await ReceiveTextAsync(buffer, cancellationToken); // auth_required
        await SendAsync($"{{\"type\":\"auth\",\"access_token\":\"{TestKit.HomeAssistant.FakeHomeAssistant.ValidToken}\"}}", cancellationToken);
        await ReceiveTextAsync(buffer, cancellationToken); // auth_ok
        await SendAsync("{\"id\":1,\"type\":\"supported_features\",\"features\":{\"coalesce_messages\":1}}", cancellationToken);
        await ReceiveTextAsync(buffer, cancellationToken);
        await SendAsync("{\"id\":2,\"type\":\"subscribe_events\",\"event_type\":\"state_changed\"}", cancellationToken);
        var answer = await ReceiveTextAsync(buffer, cancellationToken);
        if (!answer.Contains("\"success\":true", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"subscribe_events failed: {answer}");
        }

        _reader = Task.Run(() => CountFramesAsync(buffer, _stop.Token), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        if (_reader is not null)
        {
            try
            {
                await _reader;
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // Aborted on purpose.
            }
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task CountFramesAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var start = true;
        var arrayFrame = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (start)
            {
                arrayFrame = result.Count > 0 && buffer[0] == (byte)'[';
            }

            start = result.EndOfMessage;
            if (result.EndOfMessage)
            {
                Gate.Add(0, arrayFrame ? eventsPerArrayFrame : 1);
            }
        }
    }

    private Task SendAsync(string text, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);

    private async Task<string> ReceiveTextAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            length += result.Count;
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer, 0, length);
            }
        }
    }
}

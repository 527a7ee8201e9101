using System.Buffers;
using ProofOfHeat.HomeAssistant.Transport;

namespace ProofOfHeat.HomeAssistant.Tests.Support;

/// <summary>
/// The real ClientWebSocket transport with a switch: <see cref="AbortPendingReceive"/> makes the pending receive throw
/// what ClientWebSocket throws when its socket is aborted under a receive (OperationCanceledException "Aborted"),
/// although nobody cancelled the read loop's token.
/// </summary>
public sealed class FaultInjectingTransport : IWebSocketTransport
{
    private readonly ClientWebSocketTransport _inner = new();
    private readonly TaskCompletionSource _abort = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Fails the pending (or next) receive.</summary>
    public void AbortPendingReceive() => _abort.TrySetResult();

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => _inner.ConnectAsync(uri, cancellationToken);

    public async ValueTask<bool> ReceiveMessageAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        var receive = _inner.ReceiveMessageAsync(destination, cancellationToken).AsTask();
        if (await Task.WhenAny(receive, _abort.Task) == receive)
        {
            return await receive;
        }

        throw new OperationCanceledException("Aborted", new ObjectDisposedException("System.Net.WebSockets.WebSocket"));
    }

    public ValueTask SendMessageAsync(ReadOnlyMemory<byte> utf8Message, CancellationToken cancellationToken) =>
        _inner.SendMessageAsync(utf8Message, cancellationToken);

    public Task CloseAsync(CancellationToken cancellationToken) => _inner.CloseAsync(cancellationToken);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}

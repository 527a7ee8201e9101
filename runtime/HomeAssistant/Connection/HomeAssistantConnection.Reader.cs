using System.Text.Json;
using ProofOfHeat.HomeAssistant.Codec;
using ProofOfHeat.HomeAssistant.Messages;

namespace ProofOfHeat.HomeAssistant.Connection;

/// <summary>The reader loop: decode each frame and dispatch its messages; never await consumer code.</summary>
internal sealed partial class HomeAssistantConnection
{
    private async Task<HaConnectionClosed> ReadLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new HaReceiveBuffer(InitialReceiveBuffer, _maxMessageBytes);
        var messages = new List<HaIncomingMessage>(16);
        HaConnectionClosed closed;
        try
        {
            while (true)
            {
                if (!await _transport.ReceiveMessageAsync(buffer, cancellationToken))
                {
                    closed = new HaConnectionClosed(HaDisconnectReason.Closed, null);
                    break;
                }

                messages.Clear();
                HaFrameDecoder.Decode(buffer.WrittenSpan, messages);
                Log.FrameReceived(_logger, buffer.WrittenCount, messages.Count);
                foreach (var message in messages)
                {
                    Dispatch(message);
                }

                if (buffer.Capacity > MaxRetainedReceiveBuffer)
                {
                    buffer = new HaReceiveBuffer(InitialReceiveBuffer, _maxMessageBytes);
                }
                else
                {
                    buffer.ResetWrittenCount();
                }
            }
        }
        catch (HomeAssistantConnectionException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own verdict on the stream (a message above the size limit): the connection cannot continue mid-message.
            Log.ConnectionRefusedInput(_logger, ex.Message);
            closed = new HaConnectionClosed(HaDisconnectReason.Error, ex);
        }
        catch (Exception ex) when (ex is OperationCanceledException || HaTransportErrors.IsConnectionError(ex)
            || cancellationToken.IsCancellationRequested)
        {
            // The loop must never fault: a fault would resurface from DisposeAsync and end the runner's reconnect loop.
            // Our own dispose (it cancels the token, or closes and aborts the socket under the pending receive, which
            // ClientWebSocket reports as OperationCanceledException "Aborted") is a cancellation; anything else,
            // including a socket aborted under us, is a broken connection.
            closed = cancellationToken.IsCancellationRequested || Volatile.Read(ref _disposed) == 1
                ? new HaConnectionClosed(HaDisconnectReason.Cancelled, null)
                : new HaConnectionClosed(HaDisconnectReason.Error, HaTransportErrors.Translate(ex, "reading"));
        }

        _closed = closed;
        Log.ReaderStopped(_logger, closed.Reason, closed.Error);
        var error = ClosedError(closed);
        foreach (var pending in _pending.Values)
        {
            pending.Fail(error);
        }

        return closed;
    }

    private void Dispatch(in HaIncomingMessage message)
    {
        switch (message.Type)
        {
            case HaMessageType.Event:
                DispatchEvent(message);
                break;
            case HaMessageType.Result when message.Id is { } id && _pending.TryGetValue(id, out var pending):
                pending.CompleteFromResult(message.Root);
                break;
            case HaMessageType.Pong when message.Id is { } id && _pending.TryGetValue(id, out var pending):
                pending.CompleteFromPong(message.Root);
                break;
            default:
                Log.UnmatchedMessage(_logger, message.Type.ToString(), message.Id);
                break;
        }
    }

    private void DispatchEvent(in HaIncomingMessage message)
    {
        if (message.Id is not { } id || !_subscriptions.ContainsKey(id))
        {
            Log.UnmatchedMessage(_logger, "event", message.Id);
            return;
        }

        if (!_eventsEnabled)
        {
            _eventsBeforeSnapshot++;
            return;
        }

        HaStateChange? change = null;
        HaEvent? other = null;
        try
        {
            // A state_changed in HA's usual shape was already read by the frame decoder's fast path (no Root then).
            var eventObject = message.StateChange is null ? message.Root.GetProperty("event"u8) : default;
            if (message.StateChange is not null)
            {
                change = message.StateChange;
            }
            else if (HaMessageDecoder.IsStateChanged(eventObject))
            {
                change = HaMessageDecoder.ReadStateChange(eventObject);
            }
            else
            {
                other = HaMessageDecoder.ReadEvent(eventObject);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            Log.MalformedMessage(_logger, "event", ex);
            return;
        }

        try
        {
            if (change is not null)
            {
                _handler.OnStateChanged(change);
            }
            else
            {
                _handler.OnEvent(other!);
            }
        }
#pragma warning disable CA1031 // A faulty consumer must not end the connection; it is logged instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(_logger, change is not null ? nameof(IHomeAssistantEventHandler.OnStateChanged) : nameof(IHomeAssistantEventHandler.OnEvent), ex);
        }
    }
}

using ProofOfHeat.HomeAssistant.Connection;

namespace ProofOfHeat.HomeAssistant;

/// <summary>One connection's life: connect, subscribe, snapshot, then wait for its end.</summary>
public sealed partial class HomeAssistantRunner
{
    private async Task<SessionOutcome> RunSessionAsync(CancellationToken cancellationToken)
    {
        HomeAssistantConnection? connection = null;
        HaKeepAlive? keepAlive = null;
        var announced = false;
        long? upSince = null;
        try
        {
            (connection, var config) = await _connector.ConnectAsync(_handler, cancellationToken);
            var active = connection;

            // Pings start before the snapshot: a stall while loading states is detected like any other.
            keepAlive = new HaKeepAlive(active.PingAsync, _options.PingInterval, _options.PingTimeout, _timeProvider);

            // Subscribe first, then take the snapshot: nothing can change unseen between the two.
            foreach (var eventType in _options.EventTypes.Distinct(StringComparer.Ordinal))
            {
                await active.SubscribeEventsAsync(eventType, cancellationToken);
            }

            _current = active;
            var states = await active.LoadSnapshotAsync(
                snapshot =>
                {
                    announced = true;
                    upSince = _timeProvider.GetTimestamp();
                    Announce(config, snapshot);
                },
                cancellationToken);
            Log.Connected(_logger, active.HaVersion, states.Count, active.SubscriptionCount);
            return UpFor(await WaitForEndAsync(active, keepAlive, announced, cancellationToken), upSince);
        }
        catch (HomeAssistantAuthenticationException ex)
        {
            return new SessionOutcome(HaDisconnectReason.Unauthorized, ex, false);
        }
        catch (HomeAssistantNotReadyException ex)
        {
            return new SessionOutcome(HaDisconnectReason.NotReady, ex, false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return UpFor(new SessionOutcome(HaDisconnectReason.Cancelled, null, announced), upSince);
        }
        catch (HomeAssistantException ex)
        {
            return UpFor(new SessionOutcome(HaDisconnectReason.Error, ex, announced), upSince);
        }
        finally
        {
            _current = null;
            if (keepAlive is not null)
            {
                await keepAlive.DisposeAsync();
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task<SessionOutcome> WaitForEndAsync(
        HomeAssistantConnection connection,
        HaKeepAlive keepAlive,
        bool announced,
        CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = cancellationToken.Register(() => cancelled.TrySetResult());
        var ended = await Task.WhenAny(connection.Completion, keepAlive.Dead, cancelled.Task);
        if (ended == keepAlive.Dead)
        {
            Log.PingTimedOut(_logger, _options.PingTimeout);
            return new SessionOutcome(
                HaDisconnectReason.PingTimeout,
                new HomeAssistantConnectionException($"No pong from Home Assistant within {_options.PingTimeout}."),
                announced);
        }

        if (ended == cancelled.Task)
        {
            return new SessionOutcome(HaDisconnectReason.Cancelled, null, announced);
        }

        var closed = await connection.Completion;
        return new SessionOutcome(closed.Reason, closed.Error, announced);
    }

    private void Announce(HaConfig config, IReadOnlyList<HaState> states)
    {
        try
        {
            _handler.OnConnected(config, states);
        }
#pragma warning disable CA1031 // A faulty consumer must not tear the fresh connection down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(_logger, nameof(IHomeAssistantEventHandler.OnConnected), ex);
        }
    }

    private SessionOutcome UpFor(SessionOutcome outcome, long? upSince) =>
        upSince is { } since ? outcome with { UpTime = _timeProvider.GetElapsedTime(since) } : outcome;

    /// <summary>How a session ended; <see cref="UpTime"/> is how long it was connected (from the snapshot on).</summary>
    private sealed record SessionOutcome(HaDisconnectReason Reason, Exception? Error, bool WasConnected)
    {
        public TimeSpan UpTime { get; init; }
    }
}

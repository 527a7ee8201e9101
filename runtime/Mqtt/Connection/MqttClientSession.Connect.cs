using ProofOfHeat.Mqtt.Diagnostics;
using ProofOfHeat.Mqtt.Packets;

namespace ProofOfHeat.Mqtt.Connection;

/// <summary>The connect / reconnect supervisor loop and the life of one connection.</summary>
internal sealed partial class MqttClientSession
{
    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            string reason;
            _connectedAt = null;
            try
            {
                await ConnectAndRunAsync(cancellationToken);
                return; // a loop ended without error: the client is stopping
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (MqttConnectException ex) when (!ex.IsTransient)
            {
                StopForGood(ex);
                return;
            }
            catch (MqttException ex)
            {
                reason = ex.Message;
            }
#pragma warning disable CA1031 // The supervisor must survive anything and keep reconnecting; the error is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.UnexpectedError(ex);
                reason = ex.Message;
            }

            // Only a connection that stayed up a while proves the broker healthy: one that accepts CONNECT and then
            // drops at once must keep backing off instead of being retried every initial delay forever.
            if (_connectedAt is { } connectedAt && _timeProvider.GetElapsedTime(connectedAt) >= StableConnectionTime)
            {
                _failedAttempts = 0;
            }

            // One warning when the broker is lost; while it stays away, each further attempt is an Information line.
            var delay = ReconnectBackoff.GetDelay(_failedAttempts, _options.ReconnectDelay, _options.MaxReconnectDelay);
            if (_failedAttempts++ == 0)
            {
                _logger.ConnectionLost(_endpoint, reason, delay);
            }
            else
            {
                _logger.StillDisconnected(_endpoint, reason, delay);
            }

            try
            {
                await Task.Delay(delay, _timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void StopForGood(MqttConnectException refusal)
    {
        _logger.ConnectRefusedFinal(_endpoint, refusal.ReturnCode);
        _finalError = refusal;
        _firstConnection.TrySetException(refusal);
        _outgoing.Close(refusal);
        _inflight.FailAll(refusal);
    }

    private async Task ConnectAndRunAsync(CancellationToken cancellationToken)
    {
        _logger.Connecting(_endpoint);
        var (connection, connAck) = await OpenAsync(cancellationToken);
        await using (connection)
        {
            await RunConnectionAsync(connection, connAck, cancellationToken);
        }
    }

    /// <summary>TCP (+TLS), CONNECT, CONNACK, all within the communication timeout.</summary>
    private async Task<(MqttConnection Connection, MqttConnAckPacket ConnAck)> OpenAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.CommunicationTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        MqttConnection? connection = null;
        try
        {
            connection = await MqttConnection.OpenAsync(_options, _timeProvider, linked.Token);
            await connection.SendPacketAsync(BuildConnectPacket(), linked.Token);
            var first = await connection.ReceivePacketAsync(linked.Token);
            if (first is not MqttConnAckPacket connAck)
            {
                throw new MqttProtocolException($"Expected CONNACK as the broker's first packet, got {first.GetType().Name}.");
            }

            switch (connAck.ReturnCode)
            {
                case MqttConnectReturnCode.Accepted:
                    return (connection, connAck);
                case MqttConnectReturnCode.BadUserNameOrPassword or MqttConnectReturnCode.NotAuthorized:
                    throw new MqttAuthenticationException(connAck.ReturnCode);
                default:
                    throw new MqttConnectException(connAck.ReturnCode);
            }
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await DisposeQuietlyAsync(connection);
            throw new MqttCommunicationException($"No CONNACK from {_endpoint} within {_options.CommunicationTimeout}.", ex);
        }
        catch
        {
            await DisposeQuietlyAsync(connection);
            throw;
        }
    }

    private MqttConnectPacket BuildConnectPacket() => new(
        _options.ClientId,
        _options.CleanSession,
        (ushort)_options.KeepAlive.TotalSeconds,
        _options.UserName,
        _options.Password,
        _options.LastWill);

    private async Task RunConnectionAsync(MqttConnection connection, MqttConnAckPacket connAck, CancellationToken cancellationToken)
    {
        using var connectionStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = connectionStop.Token;
        _connectedAt = _timeProvider.GetTimestamp(); // before the connection is visible as up (IsConnected)
        Volatile.Write(ref _current, connection);
        var readTask = Task.Run(() => ReadLoopAsync(connection, token), CancellationToken.None);
        Task? writeTask = null;
        Task? keepAliveTask = null;
        var announced = false;
        Exception? reason = null;
        try
        {
            await ResubscribeAsync(connection, token);
            await ResendInflightAsync(connection, token);
            ReportDrops(force: true);
            _logger.Connected(_endpoint, connAck.SessionPresent);
            announced = true;
            RaiseEvent(() => _onConnected(connAck.SessionPresent));
            _firstConnection.TrySetResult();
            writeTask = Task.Run(() => WriteLoopAsync(connection, token), CancellationToken.None);
            keepAliveTask = Task.Run(() => KeepAliveLoopAsync(connection, token), CancellationToken.None);
            var finished = await Task.WhenAny(readTask, writeTask, keepAliveTask);
            await finished;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            reason = ex;
            throw;
        }
        finally
        {
            Volatile.Write(ref _current, null);
            await connectionStop.CancelAsync();
            connection.Abort();
            await Task.WhenAll(new[] { readTask, writeTask, keepAliveTask }.OfType<Task>())
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _pending.FailAll(new MqttCommunicationException("The connection to the broker was lost.", reason));
            if (announced)
            {
                RaiseEvent(() => _onDisconnected(reason));
            }
        }
    }

    private void RaiseEvent(Action raise)
    {
        try
        {
            raise();
        }
#pragma warning disable CA1031 // A subscriber's bug must not take the connection down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.EventHandlerFailed(ex);
        }
    }

    private static async Task DisposeQuietlyAsync(MqttConnection? connection)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}

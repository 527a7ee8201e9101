using System.Globalization;
using ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;
using ProofOfHeat.Drivers.HeatSources.OpenTherm.Connection;

namespace ProofOfHeat.Drivers.HeatSources.OpenTherm;

/// <summary>
/// An OpenTherm Gateway over TCP: typed commands (each acknowledged by the gateway, retried on a new connection
/// after a timeout or a drop) and the boiler's reported status. Connects on first use and again after a drop.
/// </summary>
public sealed class OtgwClient : IAsyncDisposable
{
    private readonly OtgwClientOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private OtgwConnection? _connection;

    /// <summary>Creates the client; nothing connects until the first call.</summary>
    public OtgwClient(OtgwClientOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
    }

    /// <summary>Where the gateway is, as host:port.</summary>
    public string Endpoint => _options.Host + ":" + _options.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the boiler last reported on the current connection (empty before the first connection).</summary>
    public OtgwBoilerStatus Status => _connection?.Status ?? OtgwBoilerStatus.Empty;

    /// <summary>Connects if not connected.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken) => await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Sends a command and checks the gateway's acknowledgement; returns the echoed value.</summary>
    /// <exception cref="OtgwException">Rejected, or no acknowledgement after every retry.</exception>
    public async Task<string> SendAsync(OtgwCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var attempt = 0; ; attempt++)
        {
            var connection = await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var echoed = await connection.SendAsync(command, _options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
                return SameValue(command.Value, echoed)
                    ? echoed
                    : throw new OtgwException(OtgwFailure.UnexpectedReply, $"The gateway acknowledged {command} with '{echoed}'.");
            }
            catch (OtgwException e) when (e.Failure is OtgwFailure.Timeout or OtgwFailure.ConnectionLost && attempt < _options.Retries)
            {
                await DropAsync(connection).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits until the boiler's reports satisfy <paramref name="condition"/>; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitForStatusAsync(Func<OtgwBoilerStatus, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var connection = await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
        return await connection.WaitForStatusAsync(condition, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _connectLock.Dispose();
    }

    /// <summary>Whether the echoed value is the one sent: numerically equal for numbers (CS=45 is echoed "45.00").</summary>
    internal static bool SameValue(string sent, string echoed)
    {
        if (double.TryParse(sent, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(echoed, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
        {
            return Math.Abs(a - b) < 0.01;
        }

        return string.Equals(sent, echoed, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<OtgwConnection> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is { IsOpen: true } open)
            {
                return open;
            }

            if (_connection is { } closed)
            {
                await closed.DisposeAsync().ConfigureAwait(false);
                _connection = null;
            }

            _connection = await OtgwConnection.ConnectAsync(_options.Host, _options.Port, _options.ConnectTimeout, _time, cancellationToken).ConfigureAwait(false);
            return _connection;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private async Task DropAsync(OtgwConnection connection)
    {
        await _connectLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (ReferenceEquals(_connection, connection))
            {
                _connection = null;
            }
        }
        finally
        {
            _connectLock.Release();
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }
}

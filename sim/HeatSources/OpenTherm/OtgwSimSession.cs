using System.Net.Sockets;
using System.Text;

namespace ProofOfHeat.Sim.HeatSources.OpenTherm;

/// <summary>One client of the simulated gateway: serialised writes (reports and replies interleave by line) and a drop switch.</summary>
internal sealed class OtgwSimSession : IDisposable
{
    private readonly NetworkStream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _dropped;

    public OtgwSimSession(NetworkStream stream, CancellationToken serverStopping)
    {
        _stream = stream;
        _dropped = CancellationTokenSource.CreateLinkedTokenSource(serverStopping);
    }

    /// <summary>Ends when the session is dropped or the server stops.</summary>
    public CancellationToken Token => _dropped.Token;

    /// <summary>Writes lines, each ended with CR LF as the firmware ends them; a broken client is dropped.</summary>
    public async Task WriteLinesAsync(IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append("\r\n");
        }

        try
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            await _stream.WriteAsync(Encoding.Latin1.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            Drop();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the connection.</summary>
    public void Drop()
    {
        try
        {
            _dropped.Cancel();
            _stream.Socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _dropped.Dispose();
        _writeLock.Dispose();
    }
}

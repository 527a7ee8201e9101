using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.LuxOs;

/// <summary>
/// LuxOS's RPC with its session lock (LuxOS's API docs): reads need no session;
/// every write runs inside <c>logon</c> … <c>logoff</c> and passes the session id as its first
/// parameter. Only one session exists at a time: when another client holds it the write is
/// refused as busy rather than taken over, unless the session is one this client opened and
/// failed to close.
/// </summary>
internal sealed class LuxOsSessionClient(CgminerRpcClient rpc, string host)
{
    private string? _ownSession;

    /// <summary>Sends a read command and checks its status.</summary>
    public async Task<CgminerReply> ReadAsync(string command, CancellationToken cancellationToken) =>
        (await rpc.CommandAsync(command, null, cancellationToken)).EnsureSuccess();

    /// <summary>Opens a session, runs <paramref name="writes"/> with its id, and closes it.</summary>
    /// <exception cref="MinerBusyException">Another client holds the session.</exception>
    public async Task<T> WithSessionAsync<T>(Func<string, CancellationToken, Task<T>> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var session = await LogonAsync(cancellationToken);
        try
        {
            return await writes(session, cancellationToken);
        }
        finally
        {
            await LogoffAsync(session, cancellationToken);
        }
    }

    /// <summary>Sends <c>command|session,arguments</c>; the reply must be a success (with <paramref name="expectedCode"/>, when given).</summary>
    public async Task<CgminerReply> WriteAsync(string session, string command, string arguments, int? expectedCode, CancellationToken cancellationToken)
    {
        var reply = await rpc.CommandAsync(command, session + "," + arguments, cancellationToken);
        if (!reply.IsSuccess || (expectedCode is { } code && reply.Code is { } got && got != code))
        {
            throw new MinerProtocolException($"LuxOS at {host} refused '{command} {arguments}': {reply.StatusLetter} {reply.Code} {reply.Message}".TrimEnd());
        }

        return reply;
    }

    private async Task<string> LogonAsync(CancellationToken cancellationToken)
    {
        var reply = await rpc.CommandAsync("logon", null, cancellationToken);
        if (reply.IsSuccess && LuxOsReplyParser.ParseSessionId(reply) is { } created)
        {
            _ownSession = created;
            return created;
        }

        if (reply.Code != LuxOsStatusCodes.AnotherSessionActive)
        {
            throw new MinerProtocolException($"LuxOS at {host} did not open a session: {reply.StatusLetter} {reply.Code} {reply.Message}".TrimEnd());
        }

        // The active session may be ours, left open by a write that failed half way.
        var current = LuxOsReplyParser.ParseSessionId((await rpc.CommandAsync("session", null, cancellationToken)).EnsureSuccess());
        if (current is not null && current == _ownSession)
        {
            return current;
        }

        throw new MinerBusyException($"LuxOS at {host}: another client holds the session (it expires after 60 s without use).");
    }

    private async Task LogoffAsync(string session, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        try
        {
            var reply = await rpc.CommandAsync("logoff", session, cancellationToken);
            if (reply.IsSuccess)
            {
                _ownSession = null;
            }
        }
        catch (MinerException)
        {
            // The session expires by itself after a minute; the next logon recognises it as ours.
        }
    }
}

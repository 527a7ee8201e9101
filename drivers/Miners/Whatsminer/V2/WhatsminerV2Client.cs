using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>
/// API v2 over the cgminer TCP framing: plaintext reads, and writes encrypted under a token that
/// is cached for its lifetime. A write refused with "check token error" on a cached token gets a
/// fresh token and is sent once more; refused again, the password is wrong.
/// </summary>
internal sealed class WhatsminerV2Client(CgminerRpcClient rpc, string password, TimeProvider time)
{
    private WhatsminerV2Session? _session;

    /// <summary>Sends a plaintext read and returns its successful reply.</summary>
    /// <exception cref="MinerProtocolException">Garbage, or an error status.</exception>
    public async Task<WhatsminerV2Reply> ReadAsync(string command, CancellationToken cancellationToken)
    {
        var reply = Parse(command, await rpc.SendRawAsync(WhatsminerV2Requests.Read(command), cancellationToken));
        return reply.IsSuccess ? reply : throw Refused(command, reply);
    }

    /// <summary>Sends a plaintext read and decodes its successful reply.</summary>
    /// <exception cref="MinerProtocolException">Garbage, an error status, or a reply without the expected fields.</exception>
    public async Task<T> ReadAsync<T>(string command, Func<WhatsminerV2Reply, T> decode, CancellationToken cancellationToken)
    {
        var reply = await ReadAsync(command, cancellationToken);
        try
        {
            return decode(reply);
        }
        catch (FormatException e)
        {
            throw new MinerProtocolException($"'{command}' reply: {e.Message}", e);
        }
    }

    /// <summary>Sends a plaintext read; null when the miner refuses it (e.g. a command its firmware lacks).</summary>
    /// <exception cref="MinerProtocolException">Garbage.</exception>
    public async Task<WhatsminerV2Reply?> ReadOrNullAsync(string command, CancellationToken cancellationToken)
    {
        var reply = Parse(command, await rpc.SendRawAsync(WhatsminerV2Requests.Read(command), cancellationToken));
        return reply.IsSuccess ? reply : null;
    }

    /// <summary>Sends an encrypted write and returns its (decrypted) successful reply.</summary>
    /// <exception cref="MinerAuthenticationException">The password is wrong, or the write API is disabled.</exception>
    /// <exception cref="MinerBusyException">The miner has handed out all its tokens.</exception>
    /// <exception cref="MinerProtocolException">Garbage, or the miner refused the command.</exception>
    public async Task<WhatsminerV2Reply> WriteAsync(string command, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var cached = _session is { } s && s.IsFresh(time.GetUtcNow());
        var reply = await WriteOnceAsync(command, fields, cancellationToken);
        if (reply.Code == WhatsminerV2Codes.TokenError && cached)
        {
            // The miner may have dropped the token early (reboot, too many clients): one fresh token decides.
            _session = null;
            reply = await WriteOnceAsync(command, fields, cancellationToken);
        }

        if (reply.Code == WhatsminerV2Codes.TokenError)
        {
            _session = null;
            throw new MinerAuthenticationException($"'{command}' refused: check token error (wrong admin password?)");
        }

        return reply.IsSuccess ? reply : throw Refused(command, reply);
    }

    private async Task<WhatsminerV2Reply> WriteOnceAsync(string command, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var session = await GetSessionAsync(cancellationToken);
        var raw = await rpc.SendRawAsync(WhatsminerV2Requests.Write(session, command, fields), cancellationToken);
        string opened;
        try
        {
            opened = WhatsminerV2Requests.OpenReply(session, raw);
        }
        catch (FormatException e)
        {
            throw new MinerProtocolException($"'{command}' reply: {e.Message}", e);
        }

        return Parse(command, opened);
    }

    private async Task<WhatsminerV2Session> GetSessionAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_session is { } session && session.IsFresh(now))
        {
            return session;
        }

        var reply = Parse("get_token", await rpc.SendRawAsync(WhatsminerV2Requests.GetToken(), cancellationToken));
        if (!reply.IsSuccess || reply.Code != WhatsminerV2Codes.TokenOk)
        {
            throw Refused("get_token", reply);
        }

        try
        {
            return _session = WhatsminerV2Session.Create(password, WhatsminerV2Requests.ParseTokenGrant(reply), now);
        }
        catch (FormatException e)
        {
            throw new MinerProtocolException($"'get_token' reply: {e.Message}", e);
        }
    }

    private static WhatsminerV2Reply Parse(string command, string text)
    {
        try
        {
            return WhatsminerV2Reply.Parse(text);
        }
        catch (FormatException e)
        {
            var sample = text.Length > 80 ? text[..80] + "…" : text;
            throw new MinerProtocolException($"'{command}' reply is not the v2 API ({e.Message}): {sample}", e);
        }
    }

    private static MinerException Refused(string command, WhatsminerV2Reply reply) => reply.Code switch
    {
        WhatsminerV2Codes.PermissionDenied => new MinerAuthenticationException(
            $"'{command}' refused: permission denied (enable the write API in WhatsMinerTool and change the admin password)"),
        WhatsminerV2Codes.TokenError => new MinerAuthenticationException($"'{command}' refused: check token error (wrong admin password?)"),
        WhatsminerV2Codes.TokenOverMaxTimes => new MinerBusyException($"'{command}' refused: token over max times (too many clients hold tokens)"),
        _ => new MinerProtocolException($"'{command}' refused: {reply.Status} {reply.Code} {reply.MessageText}"),
    };
}

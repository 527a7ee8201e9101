namespace ProofOfHeat.Sim.Miners;

/// <summary>
/// Misbehaviour a simulator can be switched into, at the wire level. Each family's front-end
/// applies the ones its protocol has (a busy session only where there are sessions).
/// </summary>
public sealed class MinerFaults
{
    private volatile bool _garbage;
    private volatile bool _noTerminator;
    private volatile bool _stall;
    private volatile bool _wrongPassword;
    private volatile bool _sessionBusy;
    private volatile bool _ignoreCommands;
    private volatile bool _cutReply;

    /// <summary>Replies are bytes that are not the protocol.</summary>
    public bool Garbage { get => _garbage; set => _garbage = value; }

    /// <summary>Replies lack their end: no NUL and the socket stays open (RPC), or the body is shorter than its Content-Length (HTTP).</summary>
    public bool NoTerminator { get => _noTerminator; set => _noTerminator = value; }

    /// <summary>Requests are read but never answered (the client's timeout must end the wait).</summary>
    public bool Stall { get => _stall; set => _stall = value; }

    /// <summary>The miner's password was changed: every login and signed command is refused.</summary>
    public bool WrongPassword { get => _wrongPassword; set => _wrongPassword = value; }

    /// <summary>Another client holds the session (LuxOS) or the write lock.</summary>
    public bool SessionBusy { get => _sessionBusy; set => _sessionBusy = value; }

    /// <summary>
    /// Control commands are acknowledged as the firmware would acknowledge them, but nothing changes on the machine
    /// (a firmware bug, a locked setting): only a read-back of what the miner measures can tell.
    /// </summary>
    public bool IgnoreCommands { get => _ignoreCommands; set => _ignoreCommands = value; }

    /// <summary>
    /// Replies are cut off half-way but framed as complete: the first half and its NUL (RPC), or the first half of the
    /// body with a Content-Length that matches it (HTTP), as a firmware that truncates its output buffer sends them.
    /// Only the reply's own syntax can tell.
    /// </summary>
    public bool CutReply { get => _cutReply; set => _cutReply = value; }

    /// <summary>Clears every fault.</summary>
    public void Clear() => _garbage = _noTerminator = _stall = _wrongPassword = _sessionBusy = _ignoreCommands = _cutReply = false;
}

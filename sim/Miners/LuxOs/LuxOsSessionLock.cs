using System.Security.Cryptography;

namespace ProofOfHeat.Sim.Miners.LuxOs;

/// <summary>
/// LuxOS's single session (LuxOS's API docs): one at a time, forgotten after a
/// minute without use, every use refreshes it. With <see cref="MinerFaults.SessionBusy"/> another
/// client holds it.
/// </summary>
internal sealed class LuxOsSessionLock(TimeProvider time, TimeSpan timeout, MinerFaults faults)
{
    /// <summary>The session id the "other client" holds while the busy fault is on.</summary>
    public const string ForeignSession = "Zq8Rk2Wd";

    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private string? _id;
    private DateTimeOffset _lastUsed;

    /// <summary>The live session's id, or null.</summary>
    public string? Active =>
        faults.SessionBusy ? ForeignSession : _id is not null && time.GetUtcNow() - _lastUsed < timeout ? _id : null;

    /// <summary>Opens a session; null when one is active.</summary>
    public string? TryLogon()
    {
        if (Active is not null)
        {
            return null;
        }

        _id = RandomNumberGenerator.GetString(IdAlphabet, 8);
        _lastUsed = time.GetUtcNow();
        return _id;
    }

    /// <summary>Whether <paramref name="session"/> is the live session (and refreshes it if so).</summary>
    public bool Use(string session)
    {
        if (faults.SessionBusy || Active is not { } active || active != session)
        {
            return false;
        }

        _lastUsed = time.GetUtcNow();
        return true;
    }

    /// <summary>Ends <paramref name="session"/>; false when it is not the live one.</summary>
    public bool Logoff(string session)
    {
        if (!Use(session))
        {
            return false;
        }

        _id = null;
        return true;
    }

    /// <summary>Ends whatever session exists.</summary>
    public void Kill() => _id = null;
}

namespace ProofOfHeat.Sim.Modbus;

/// <summary>How a simulated Modbus device misbehaves; switched by tests while it runs.</summary>
public sealed class SimModbusFaults
{
    private TaskCompletionSource _released = Released();

    /// <summary>Every request is refused with this exception code (e.g. 4, server device failure), or null.</summary>
    public byte? RefuseAllWith { get; set; }

    /// <summary>Every write is refused with this exception code (e.g. 6, server device busy), or null.</summary>
    public byte? RefuseWritesWith { get; set; }

    /// <summary>Writes are acknowledged (echoed) but not stored: a device that does not follow.</summary>
    public bool IgnoreWrites { get; set; }

    /// <summary>Requests are read and never answered (the connection stays open).</summary>
    public bool Silent { get; set; }

    /// <summary>The next request's connection is closed without a reply.</summary>
    public bool DropNextRequest { get; set; }

    /// <summary>Each reply is preceded by a copy of the previous one (a late duplicate with an old transaction id).</summary>
    public bool StaleReplyFirst { get; set; }

    /// <summary>Each reply is replaced by bytes that are not Modbus (a wrong protocol id).</summary>
    public bool Garbage { get; set; }

    /// <summary>Holds every reply until <see cref="ReleaseReplies"/>: slow replies (released in time) or late ones (after the client's timeout).</summary>
    public void HoldReplies()
    {
        lock (this)
        {
            if (_released.Task.IsCompleted)
            {
                _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Lets held replies go.</summary>
    public void ReleaseReplies()
    {
        lock (this)
        {
            _released.TrySetResult();
        }
    }

    /// <summary>Waits until replies may go.</summary>
    internal Task WhenRepliesMayGo(CancellationToken cancellationToken)
    {
        lock (this)
        {
            return _released.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }
}

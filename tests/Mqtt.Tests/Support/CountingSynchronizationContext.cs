namespace ProofOfHeat.Mqtt.Tests.Support;

/// <summary>A synchronization context that counts what is posted to it (and runs it on the thread pool).</summary>
internal sealed class CountingSynchronizationContext : SynchronizationContext
{
    private int _posted;

    public int Posted => Volatile.Read(ref _posted);

    public override void Post(SendOrPostCallback d, object? state)
    {
        Interlocked.Increment(ref _posted);
        ThreadPool.QueueUserWorkItem(_ => d(state));
    }

    public override void Send(SendOrPostCallback d, object? state)
    {
        Interlocked.Increment(ref _posted);
        d(state);
    }
}

using ProofOfHeat.Drivers.HeatSources;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.TestKit.HeatSources;

/// <summary>
/// A heat-source driver on fake time talking to its simulator, for the contract tests. The driver's reply timeout is
/// long on its clock (<see cref="Timeouts"/>) so that <see cref="RunAsync{T}"/> can move the clock through read-back
/// polls without ever timing out a reply still on its way, however loaded the machine.
/// </summary>
public abstract class HeatSourceRig : IAsyncDisposable
{
    /// <summary>The bounds a rig's driver keeps: replies may take an hour of fake time, read-backs 10 s.</summary>
    public static HeatSourceTimeouts Timeouts { get; } = new()
    {
        Connect = TimeSpan.FromHours(1),
        Reply = TimeSpan.FromHours(1),
        Retries = 1,
        RetryDelay = TimeSpan.FromSeconds(1),
        Verify = TimeSpan.FromSeconds(10),
        VerifyPoll = TimeSpan.FromSeconds(1),
    };

    /// <summary>The driver's clock.</summary>
    public FakeTimeProvider Clock { get; } = new();

    /// <summary>The driver under test (built on <see cref="Clock"/> and <see cref="Timeouts"/>).</summary>
    public abstract IHeatSourceDriver Driver { get; }

    /// <summary>How many changes the simulator has been sent (writes, relay switches, set commands).</summary>
    public abstract int CommandsReceived { get; }

    /// <summary>From now on the simulator acknowledges commands but does not follow them.</summary>
    public abstract void IgnoreCommands();

    /// <summary>From now on the simulator refuses commands in its protocol's way (an exception reply, an error code).</summary>
    public abstract void RefuseCommands();

    /// <summary>From now on the simulator answers nothing (accepts or keeps the connection, sends no reply).</summary>
    public abstract void GoSilent();

    /// <summary>
    /// Runs <paramref name="call"/> while moving the driver's clock by <paramref name="step"/> (1 s by default) every few
    /// real milliseconds, so read-back polls and retries pass; bounded by a generous 60 s of real time.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call, TimeSpan? step = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        var task = call();
        var bound = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (!task.IsCompleted)
        {
            if (DateTimeOffset.UtcNow > bound)
            {
                throw new TimeoutException("The driver did not finish within 60 s of real time.");
            }

            if (await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(5))) != task)
            {
                Clock.Advance(step ?? TimeSpan.FromSeconds(1));
            }
        }

        return await task;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Driver.DisposeAsync();
        await DisposeCoreAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the simulator.</summary>
    protected abstract ValueTask DisposeCoreAsync();
}

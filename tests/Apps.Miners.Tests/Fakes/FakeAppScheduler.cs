using ProofOfHeat.AppModel.Scheduling;

namespace ProofOfHeat.Apps.Miners.Tests.Fakes;

/// <summary>An <see cref="IAppScheduler"/> on a fake clock; failures of scheduled actions are collected for asserts.</summary>
internal sealed class FakeAppScheduler(TimeProvider timeProvider) : IAppScheduler
{
    public TimeProvider TimeProvider => timeProvider;

    public List<Exception> Failures { get; } = [];

    public IDisposable RunIn(TimeSpan delay, Func<CancellationToken, Task> action) =>
        timeProvider.CreateTimer(_ => Run(action), null, delay, Timeout.InfiniteTimeSpan);

    public IDisposable RunEvery(TimeSpan period, TimeSpan firstAfter, Func<CancellationToken, Task> action) =>
        timeProvider.CreateTimer(_ => Run(action), null, firstAfter, period);

    public IDisposable RunAt(DateTimeOffset at, Func<CancellationToken, Task> action) =>
        RunIn(at - timeProvider.GetUtcNow(), action);

    private void Run(Func<CancellationToken, Task> action)
    {
        // The fakes complete synchronously, so the task is done here; a real scheduler awaits it.
        var task = action(CancellationToken.None);
        if (!task.IsCompleted)
        {
            Failures.Add(new InvalidOperationException("A scheduled action did not complete synchronously."));
        }
        else if (task.Exception is { } failure)
        {
            Failures.Add(failure);
        }
    }
}

using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Scheduling;
using ProofOfHeat.TestKit.Logging;

namespace ProofOfHeat.TestKit.AppModel;

/// <summary>
/// The runtime's own <see cref="AppScheduler"/> on the test's clock, with what it logs kept for asserts. Tests so see
/// the product's semantics: <c>RunEvery</c> is fixed-rate from its first run, never overlaps (a run that overran skips
/// the missed slots), and an action's failure is logged and the schedule goes on.
/// </summary>
/// <remarks>
/// On a <see cref="Time.FakeTimeProvider"/> an action that completes synchronously runs inside
/// <see cref="Time.FakeTimeProvider.Advance"/>: the scheduler awaits <c>Task.Delay</c> on the fake clock, whose timer
/// completes the delay and runs the continuation inline. An action that really awaits I/O finishes on the thread pool,
/// after Advance has returned; its next run is scheduled only then.
/// </remarks>
public sealed class FakeAppScheduler : IAppScheduler, IAsyncDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly AppScheduler _scheduler;

    /// <summary>A scheduler for the app <paramref name="appId"/> on <paramref name="timeProvider"/>.</summary>
    public FakeAppScheduler(TimeProvider timeProvider, string appId = "test")
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _scheduler = new AppScheduler(appId, timeProvider, _logs.CreateLogger(typeof(AppScheduler).FullName!));
    }

    /// <inheritdoc />
    public TimeProvider TimeProvider => _scheduler.TimeProvider;

    /// <summary>What the scheduler logged (a failed action is one Error line with its exception).</summary>
    public IReadOnlyList<LogLine> Log => _logs.Lines;

    /// <summary>The exceptions that scheduled actions threw, in order.</summary>
    public IReadOnlyList<Exception> Failures =>
        [.. _logs.AtLeast(LogLevel.Error).Select(line => line.Exception ?? new InvalidOperationException(line.Message))];

    /// <inheritdoc />
    public IDisposable RunIn(TimeSpan delay, Func<CancellationToken, Task> action) => _scheduler.RunIn(delay, action);

    /// <inheritdoc />
    public IDisposable RunEvery(TimeSpan period, TimeSpan firstAfter, Func<CancellationToken, Task> action) =>
        _scheduler.RunEvery(period, firstAfter, action);

    /// <inheritdoc />
    public IDisposable RunAt(DateTimeOffset at, Func<CancellationToken, Task> action) => _scheduler.RunAt(at, action);

    /// <summary>Cancels every schedule and waits for running actions to end, as when an app stops.</summary>
    public async ValueTask DisposeAsync()
    {
        await _scheduler.DisposeAsync().ConfigureAwait(false);
        _logs.Dispose();
    }
}

namespace ProofOfHeat.AppModel.Scheduling;

/// <summary>
/// An app's timers. Everything scheduled here is cancelled when the app stops; an exception in a
/// scheduled action is logged with the app's name and the schedule goes on.
/// </summary>
public interface IAppScheduler
{
    /// <summary>The app's clock.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/>.</summary>
    IDisposable RunIn(TimeSpan delay, Func<CancellationToken, Task> action);

    /// <summary>Runs <paramref name="action"/> every <paramref name="period"/>, first after <paramref name="firstAfter"/>; runs never overlap.</summary>
    IDisposable RunEvery(TimeSpan period, TimeSpan firstAfter, Func<CancellationToken, Task> action);

    /// <summary>Runs <paramref name="action"/> once at <paramref name="at"/> (at once if it is past).</summary>
    IDisposable RunAt(DateTimeOffset at, Func<CancellationToken, Task> action);
}

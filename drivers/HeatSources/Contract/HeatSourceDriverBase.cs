using Microsoft.Extensions.Logging;

namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>
/// What every heat-source driver shares: calls are serialised; attempts are bounded and retried on the injected clock;
/// a source that cannot be reached reads as <see cref="HeatSourceStatus.Unreachable"/>; a command is sent only when it
/// is not already in effect and the declared minimum times allow it, then verified by reading back. A driver
/// implements the reads and the sends.
/// </summary>
public abstract class HeatSourceDriverBase : IHeatSourceDriver
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HeatSourceDwellGuard _dwell = new();
    private HeatSourceCapabilities? _capabilities;

    /// <summary>Creates the driver; does no I/O.</summary>
    protected HeatSourceDriverBase(string kind, string endpoint, HeatSourceDriverContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        ArgumentNullException.ThrowIfNull(context);
        Kind = kind;
        Endpoint = endpoint;
        Time = context.Time;
        Timeouts = context.Timeouts;
        Logger = context.LoggerFactory.CreateLogger(GetType());
    }

    /// <inheritdoc />
    public string Kind { get; }

    /// <inheritdoc />
    public string Endpoint { get; }

    /// <summary>The clock for timeouts, retries and time stamps.</summary>
    protected TimeProvider Time { get; }

    /// <summary>The bounds to keep.</summary>
    protected HeatSourceTimeouts Timeouts { get; }

    /// <summary>The driver's logger.</summary>
    protected ILogger Logger { get; }

    /// <inheritdoc />
    public async Task<HeatSourceCapabilities> GetCapabilitiesAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _capabilities) is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _capabilities ??= await WithRetriesAsync(ReadCapabilitiesCoreAsync, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<HeatSourceReading> ReadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadUnlockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<HeatSourceCommandResult> ApplyAsync(HeatSourceCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var capabilities = await GetCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        if (!capabilities.Supports(command))
        {
            throw new HeatSourceUnsupportedException($"{Endpoint} ({capabilities.Model}) cannot {command}.");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ApplyUnlockedAsync(command, capabilities, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DisposeCoreAsync().ConfigureAwait(false);
        _gate.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Says what this source can do (from its map, its configuration, or by asking it).</summary>
    protected abstract Task<HeatSourceCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the source once. Throw <see cref="HeatSourceUnreachableException"/> for transport failures (the base turns
    /// them into an unreachable reading), <see cref="HeatSourceProtocolException"/> for garbage and
    /// <see cref="HeatSourceRefusedException"/> for a refusal.
    /// </summary>
    protected abstract Task<HeatSourceReading> ReadCoreAsync(CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="command"/> once (it is supported, not in effect, and allowed by the minimum times).</summary>
    protected abstract Task<SentHeatSourceCommand> SendCoreAsync(HeatSourceCommand command, HeatSourceReading before, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="reading"/> shows <paramref name="command"/> in effect; <see cref="HeatSourceEffect.IsShown"/> by default.</summary>
    protected virtual bool IsInEffect(HeatSourceCommand command, HeatSourceReading reading, HeatSourceCapabilities capabilities) =>
        HeatSourceEffect.IsShown(command, reading, capabilities);

    /// <summary>Releases the driver's resources (connections).</summary>
    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    /// <summary>Runs <paramref name="attempt"/> with the configured retries for transport errors and garbage, waiting on the injected clock.</summary>
    protected async Task<T> WithRetriesAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var tried = 0; ; tried++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (HeatSourceException e) when (tried < Timeouts.Retries && e is HeatSourceUnreachableException or HeatSourceProtocolException)
            {
                Logger.LogDebug("{Endpoint}: attempt {Attempt} failed ({Reason}); retrying", Endpoint, tried + 1, e.Message);
                await Task.Delay(Timeouts.RetryDelay, Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<HeatSourceCommandResult> ApplyUnlockedAsync(HeatSourceCommand command, HeatSourceCapabilities capabilities, CancellationToken cancellationToken)
    {
        var expected = HeatSourceEffect.Expected(command);
        var before = await ReadUnlockedAsync(cancellationToken).ConfigureAwait(false);
        if (before.Status == HeatSourceStatus.Unreachable)
        {
            return new HeatSourceCommandResult(HeatSourceCommandOutcome.Unreachable, before, Expected: expected,
                Observed: HeatSourceEffect.Observed(command, before), Reason: FirstError(before));
        }

        if (IsInEffect(command, before, capabilities))
        {
            return new HeatSourceCommandResult(HeatSourceCommandOutcome.AlreadyInEffect, before);
        }

        if (_dwell.WhyNot(command, capabilities, Time.GetUtcNow()) is { } wait)
        {
            Logger.LogInformation("{Endpoint}: {Command} held back: {Reason}", Endpoint, command, wait);
            return new HeatSourceCommandResult(HeatSourceCommandOutcome.Refused, before, Expected: expected, Reason: wait);
        }

        SentHeatSourceCommand sent;
        try
        {
            sent = await WithRetriesAsync(ct => SendCoreAsync(command, before, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (HeatSourceRefusedException e)
        {
            Logger.LogWarning("{Endpoint}: {Command} refused: {Reason}", Endpoint, command, e.Message);
            return new HeatSourceCommandResult(HeatSourceCommandOutcome.Refused, before, Expected: expected, Reason: e.Message);
        }
        catch (HeatSourceException e) when (e is HeatSourceUnreachableException or HeatSourceProtocolException)
        {
            Logger.LogWarning("{Endpoint}: {Command} not delivered: {Reason}", Endpoint, command, e.Message);
            return new HeatSourceCommandResult(HeatSourceCommandOutcome.Unreachable, before, Expected: expected, Reason: e.Message);
        }

        Logger.LogInformation("{Endpoint}: {Command} sent ({Detail})", Endpoint, command, sent.Detail);
        var result = await VerifyAsync(command, capabilities, sent, expected, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == HeatSourceCommandOutcome.Applied)
        {
            _dwell.Record(command, Time.GetUtcNow());
        }

        return result;
    }

    // Reads back until the source shows the command or the verify time runs out on the injected clock: a source that
    // answered but did not follow is "not followed", with what was expected and what was read.
    private async Task<HeatSourceCommandResult> VerifyAsync(
        HeatSourceCommand command, HeatSourceCapabilities capabilities, SentHeatSourceCommand sent, string expected, CancellationToken cancellationToken)
    {
        var deadline = Time.GetUtcNow() + Timeouts.Verify;
        while (true)
        {
            var reading = await ReadUnlockedAsync(cancellationToken).ConfigureAwait(false);
            var observed = HeatSourceEffect.Observed(command, reading);
            if (IsInEffect(command, reading, capabilities))
            {
                return new HeatSourceCommandResult(HeatSourceCommandOutcome.Applied, reading, sent.Detail, expected, observed);
            }

            if (Time.GetUtcNow() >= deadline)
            {
                var unreachable = reading.Status == HeatSourceStatus.Unreachable;
                var outcome = unreachable ? HeatSourceCommandOutcome.Unreachable : HeatSourceCommandOutcome.NotFollowed;
                Logger.LogWarning("{Endpoint}: {Command} {Outcome} after {Window}: expected {Expected}; read {Observed}",
                    Endpoint, command, outcome, Timeouts.Verify, expected, observed);
                return new HeatSourceCommandResult(outcome, reading, sent.Detail, expected, observed,
                    unreachable ? FirstError(reading) : null);
            }

            await Task.Delay(Timeouts.VerifyPoll, Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HeatSourceReading> ReadUnlockedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await WithRetriesAsync(ReadCoreAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (HeatSourceException e) when (e is HeatSourceUnreachableException or HeatSourceProtocolException)
        {
            return HeatSourceReading.Unreachable(Time.GetUtcNow(), e.Message);
        }
    }

    private static string? FirstError(HeatSourceReading reading) => reading.Errors is [var first, ..] ? first : null;
}

using Microsoft.Extensions.Logging;

namespace ProofOfHeat.Drivers.Miners;

/// <summary>
/// What every family's driver shares: calls are serialised, attempts are bounded on the injected
/// clock, a miner that cannot be reached reads as <see cref="MinerStatus.Unreachable"/> (or
/// <see cref="MinerStatus.Starting"/> while a restart this driver caused is under way), and a
/// command is sent only when it is not already in effect and is then verified by reading back.
/// A family implements the reads, the sends and what "in effect" means for it.
/// </summary>
public abstract class MinerDriverBase : IMinerDriver
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MinerCapabilities? _capabilities;
    private DateTimeOffset _restartExpectedUntil = DateTimeOffset.MinValue;

    /// <summary>Creates the driver; does no I/O.</summary>
    protected MinerDriverBase(string family, MinerEndpoint endpoint, MinerDriverContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(context);
        Family = family;
        Endpoint = endpoint;
        Time = context.Time;
        Timeouts = context.Timeouts;
        Logger = context.LoggerFactory.CreateLogger(GetType());
    }

    /// <inheritdoc />
    public string Family { get; }

    /// <inheritdoc />
    public MinerEndpoint Endpoint { get; }

    /// <summary>The clock for timeouts, retries and time stamps.</summary>
    protected TimeProvider Time { get; }

    /// <summary>The bounds to keep.</summary>
    protected MinerTimeouts Timeouts { get; }

    /// <summary>The driver's logger.</summary>
    protected ILogger Logger { get; }

    /// <inheritdoc />
    public async Task<MinerCapabilities> GetCapabilitiesAsync(CancellationToken cancellationToken)
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
    public async Task<MinerReading> ReadAsync(CancellationToken cancellationToken)
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
    public async Task<MinerCommandResult> ApplyAsync(MinerCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var capabilities = await GetCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        var resolved = capabilities.Resolve(command);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var before = await ReadUnlockedAsync(cancellationToken).ConfigureAwait(false);
            if (before.Status != MinerStatus.Unreachable && IsInEffect(resolved, before, capabilities))
            {
                return new MinerCommandResult(MinerCommandOutcome.AlreadyInEffect, before);
            }

            var sent = await WithRetriesAsync(ct => SendCoreAsync(resolved, capabilities, before, ct), cancellationToken).ConfigureAwait(false);
            Logger.LogInformation("{Endpoint}: {Command} sent ({Detail})", Endpoint, resolved, sent.Detail);
            if (sent.Restarts)
            {
                _restartExpectedUntil = Time.GetUtcNow() + capabilities.TypicalSettleTime + Timeouts.Verify;
            }

            return await VerifyAsync(resolved, capabilities, sent, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Asks the miner what it can do (model, constraints, tiers).</summary>
    protected abstract Task<MinerCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads telemetry once. Throw <see cref="MinerUnreachableException"/> for transport failures
    /// (the base turns them into an unreachable reading), <see cref="MinerProtocolException"/> for
    /// garbage and <see cref="MinerAuthenticationException"/> for refused credentials.
    /// </summary>
    protected abstract Task<MinerReading> ReadCoreAsync(CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="command"/> (already resolved against the capabilities) once.</summary>
    protected abstract Task<SentCommand> SendCoreAsync(MinerCommand command, MinerCapabilities capabilities, MinerReading before, CancellationToken cancellationToken);

    /// <summary>Releases the family's resources (HTTP clients, sessions).</summary>
    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Whether <paramref name="reading"/> shows <paramref name="command"/> in effect. The default:
    /// sleep = sleeping; wake = mining or starting; a power target = running with that limit; a tier = running in that mode.
    /// </summary>
    protected virtual bool IsInEffect(MinerCommand command, MinerReading reading, MinerCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(reading);
        var running = reading.Status is MinerStatus.Mining or MinerStatus.Starting;
        return command.Kind switch
        {
            MinerCommandKind.Sleep => reading.Status == MinerStatus.Sleeping,
            MinerCommandKind.Wake => running,
            MinerCommandKind.SetPower => running && reading.PowerLimitWatts == command.Watts,
            MinerCommandKind.SetTier => running && string.Equals(reading.Mode, command.Tier, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>Runs <paramref name="attempt"/> with the configured retries for transport errors, garbage and busy sessions.</summary>
    protected async Task<T> WithRetriesAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var tried = 0; ; tried++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (MinerException e) when (tried < Timeouts.Retries && e is MinerUnreachableException or MinerProtocolException or MinerBusyException)
            {
                Logger.LogDebug("{Endpoint}: attempt {Attempt} failed ({Reason}); retrying", Endpoint, tried + 1, e.Message);
                await Task.Delay(Timeouts.RetryDelay, Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<MinerReading> ReadUnlockedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await WithRetriesAsync(ReadCoreAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (MinerUnreachableException e)
        {
            var now = Time.GetUtcNow();
            var status = now < _restartExpectedUntil ? MinerStatus.Starting : MinerStatus.Unreachable;
            return MinerReading.Unreachable(now, e.Message) with { Status = status };
        }
    }

    // Reads back until the field the family reports and, where the family measures power, the machine's own
    // measurement show the command; a miner that acknowledged but did not follow is "not applied", with what was
    // expected and what was read.
    private async Task<MinerCommandResult> VerifyAsync(MinerCommand command, MinerCapabilities capabilities, SentCommand sent, CancellationToken cancellationToken)
    {
        var measured = capabilities.PowerTolerance is not null && command.Kind is MinerCommandKind.SetPower or MinerCommandKind.SetTier;
        var window = measured ? Max(Timeouts.Verify, Timeouts.Settle ?? capabilities.TypicalSettleTime) : Timeouts.Verify;
        var deadline = Time.GetUtcNow() + window;
        while (true)
        {
            var reading = await ReadUnlockedAsync(cancellationToken).ConfigureAwait(false);
            var restarting = sent.Restarts && reading.Status is MinerStatus.Starting;
            var reachable = reading.Status != MinerStatus.Unreachable;
            var fieldInEffect = reachable && IsInEffect(command, reading, capabilities);
            var verdict = MinerEffectCheck.Check(command, reading, capabilities, fieldInEffect);
            if (restarting || (fieldInEffect && verdict.Shown != false))
            {
                var how = restarting ? "the restart it set off" : MinerEffectCheck.HowConfirmed(verdict, reading, capabilities);
                return new MinerCommandResult(MinerCommandOutcome.Applied, reading, sent.Detail, verdict.Expected, verdict.Observed, how);
            }

            if (Time.GetUtcNow() >= deadline)
            {
                var outcome = reachable ? MinerCommandOutcome.NotApplied : MinerCommandOutcome.Unverified;
                Logger.LogWarning(
                    "{Endpoint}: {Command} {Outcome} after {Window}: expected {Expected}; read {Observed}",
                    Endpoint, command, outcome, window, verdict.Expected, verdict.Observed);
                return new MinerCommandResult(outcome, reading, sent.Detail, verdict.Expected, verdict.Observed);
            }

            await Task.Delay(Timeouts.VerifyPoll, Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

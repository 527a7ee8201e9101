using ProofOfHeat.Apps.Miners.Dwell;
using ProofOfHeat.Apps.Miners.Thermal;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Fleet;

/// <summary>Polling: read, learn, protect from heat, and send what the dwell guard kept once it is due.</summary>
public sealed partial class MinerFleet
{
    /// <summary>
    /// Reads the miner once (and its capabilities, until it has told them), lets overheat protection act, and sends
    /// a deferred request that has become due. A miner that cannot be read reads as unreachable. When a poll of this
    /// miner is already running, returns the latest snapshot without reading.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No miner has that id.</exception>
    public async Task<MinerSnapshot> PollAsync(string minerId, CancellationToken cancellationToken)
    {
        var miner = Find(minerId);
        if (!await miner.PollGate.WaitAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false))
        {
            return miner.Snapshot;
        }

        try
        {
            MinerCapabilities? capabilities;
            MinerReading reading;
            await _pollSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                reading = await ReadAsync(miner, cancellationToken).ConfigureAwait(false);
                // Asked only of a miner that answers, so a dead one costs one read's timeouts per poll, not two.
                capabilities = miner.Capabilities
                    ?? (reading.Status == MinerStatus.Unreachable ? null : await TryCapabilitiesAsync(miner, cancellationToken).ConfigureAwait(false));
            }
            finally
            {
                _pollSlots.Release();
            }

            await miner.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (miner.Capabilities is null && capabilities is not null)
                {
                    miner.Capabilities = capabilities;
                    miner.Guard.Times = MinerDwellTimes.For(miner.Dwell, miner.Options.Family, capabilities);
                }

                await OnReadingLockedAsync(miner, reading, cancellationToken).ConfigureAwait(false);
                return Publish(miner);
            }
            finally
            {
                miner.Gate.Release();
            }
        }
        finally
        {
            miner.PollGate.Release();
        }
    }

    /// <summary>Polls every miner concurrently (bounded) and returns their snapshots.</summary>
    public async Task<IReadOnlyList<MinerSnapshot>> PollAllAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(MinerIds.Select(id => PollAsync(id, cancellationToken))).ConfigureAwait(false);

    private async Task OnReadingLockedAsync(FleetMiner miner, MinerReading reading, CancellationToken cancellationToken)
    {
        if (miner.Reading is null || reading.At >= miner.Reading.At)
        {
            miner.Reading = reading;
        }

        miner.Guard.Observe(reading.Status, reading.At, reading.Uptime, ObservedTarget(reading, miner.Capabilities));
        if (miner.Thermal.Level == MinerThermalLevel.Normal && miner.PowerCap is null)
        {
            miner.DesiredTarget ??= miner.Guard.Target;
        }

        var wasSleeping = miner.Thermal.Level == MinerThermalLevel.Sleeping;
        var thermal = _overheat.Decide(miner.Thermal, reading, miner.Capabilities, miner.Guard.Target, _time.GetUtcNow());
        miner.Thermal = thermal.State;
        if (thermal.Alert is { } kind)
        {
            LogAlert(_logger, miner.Options.Id, kind, thermal.Message ?? string.Empty);
            _alerts.OnNext(new MinerAlert(miner.Options.Id, kind, reading.MaximumTemperature, thermal.Message ?? kind.ToString(), _time.GetUtcNow()));
        }

        if (thermal.Command is { } protect)
        {
            var urgent = protect.Kind == MinerCommandKind.Sleep;
            await RequestLockedAsync(miner, protect, OverheatRequester, thermal.Message ?? "overheat", urgent, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (thermal.Recovered)
        {
            // Give back what was last asked for; a miner slept for heat with no wish on record was running, so wake it.
            var restore = miner.Wish ?? (wasSleeping && miner.Desired is null ? MinerCommand.Wake : null);
            if (restore is not null)
            {
                await RequestLockedAsync(miner, restore, OverheatRequester, "recovered from overheating", urgent: false, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        // A miner that did not answer the read would not take a command either; the kept request waits for it.
        var urgentDue = miner.Guard.PendingIsUrgent;
        if (reading.Status != MinerStatus.Unreachable && miner.Guard.TakeDue(_time.GetUtcNow()) is { Verdict: MinerDwellVerdict.Allowed } due)
        {
            // Asked again rather than sent as kept: the caps and overheat protection may have changed meanwhile.
            LogDue(_logger, miner.Options.Id, due.Command.ToString());
            var (requestedBy, reason) = miner.PendingOrigin;
            await RequestLockedAsync(miner, due.Command, requestedBy, $"{reason} (deferred, now due)", urgentDue, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<MinerCapabilities?> TryCapabilitiesAsync(FleetMiner miner, CancellationToken cancellationToken)
    {
        try
        {
            return await miner.Driver.GetCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MinerException e)
        {
            LogCapabilitiesFailed(_logger, miner.Options.Id, e.Message);
            return null;
        }
    }

    private async Task<MinerReading> ReadAsync(FleetMiner miner, CancellationToken cancellationToken)
    {
        // Polls of one miner never overlap, so the last reading is this poll's predecessor.
        var wasUnreachable = miner.Reading?.Status == MinerStatus.Unreachable || miner.LastReadFailed;
        MinerReading reading;
        string? failure = null;
        try
        {
            reading = await miner.Driver.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MinerProtocolException e)
        {
            // It answered, but with a reply cut off or malformed: it runs as far as anyone knows, at a temperature
            // nobody knows, which overheat protection must act on (issue 10), unlike a miner that is off.
            reading = new MinerReading { At = _time.GetUtcNow(), Status = MinerStatus.Faulted, Errors = [$"bad reply: {e.Message}"] };
            failure = $"{e.GetType().Name}: {e.Message}";
        }
        catch (MinerException e)
        {
            // Wrong credentials or garbage on every retry: the fleet cannot see the miner, which is what unreachable means to it.
            reading = MinerReading.Unreachable(_time.GetUtcNow(), e.Message);
            failure = $"{e.GetType().Name}: {e.Message}";
        }

        // One warning when a miner is lost and one line when it is back, not a warning per poll while it is
        // switched off at the wall.
        var isUnreachable = reading.Status == MinerStatus.Unreachable || failure is not null;
        miner.LastReadFailed = failure is not null;
        var why = failure ?? string.Join("; ", reading.Errors);
        if (isUnreachable && !wasUnreachable)
        {
            LogReadFailed(_logger, miner.Options.Id, why);
        }
        else if (isUnreachable)
        {
            LogStillUnreadable(_logger, miner.Options.Id, why);
        }
        else if (wasUnreachable)
        {
            LogReadable(_logger, miner.Options.Id);
        }

        return reading;
    }

    private static MinerCommand? ObservedTarget(MinerReading reading, MinerCapabilities? capabilities) => capabilities?.PowerControl switch
    {
        MinerPowerControl.Continuous when reading.PowerLimitWatts is > 0 and var watts => MinerCommand.SetPower(watts),
        MinerPowerControl.Tiers when !string.IsNullOrWhiteSpace(reading.Mode) => MinerCommand.SetTier(reading.Mode),
        _ => null,
    };
}

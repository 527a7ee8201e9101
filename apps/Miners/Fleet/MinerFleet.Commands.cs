using ProofOfHeat.Apps.Miners.Dwell;
using ProofOfHeat.Apps.Miners.Thermal;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Fleet;

/// <summary>Requests: caps, the dwell guard, sending and the audit log.</summary>
public sealed partial class MinerFleet
{
    /// <summary>Who overheat protection's requests are from, in the audit log.</summary>
    public const string OverheatRequester = "overheat";

    /// <summary>
    /// The requester name of the safety app (apps/Safety). A sleep it asks for (smoke, gas, an overloaded main fuse) is
    /// urgent, as overheat protection's is: it passes the minimum on-time, because waiting out a dwell would let a
    /// fuse trip or keep a 3 kW load running in a fire. Its wakes stay under the dwell guard.
    /// </summary>
    public const string SafetyRequester = "safety";

    /// <inheritdoc />
    public async Task<MinerRequestOutcome> RequestAsync(
        string minerId, MinerCommand command, string requestedBy, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var miner = Find(minerId);
        await miner.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            miner.Desired = command;
            if (command.Kind is MinerCommandKind.SetPower or MinerCommandKind.SetTier)
            {
                miner.DesiredTarget = command;
            }

            var urgent = command.Kind == MinerCommandKind.Sleep && requestedBy == SafetyRequester;
            var outcome = await RequestLockedAsync(miner, command, requestedBy, reason, urgent, cancellationToken).ConfigureAwait(false);
            Publish(miner);
            return outcome;
        }
        finally
        {
            miner.Gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<MinerRequestOutcome?> SetPowerCapAsync(string minerId, int? watts, string requestedBy, CancellationToken cancellationToken)
    {
        if (watts is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(watts), watts, "A power cap must be positive (sleep the miner for zero).");
        }

        var miner = Find(minerId);
        await miner.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (miner.PowerCap == watts)
            {
                return null;
            }

            miner.PowerCap = watts;
            MinerRequestOutcome? outcome = null;
            // The wish is asked again under the new cap: lowered when above it, given back when the cap lifts.
            if (miner.Guard.IsOn != false && miner.Wish is { } wish)
            {
                var why = watts is { } cap ? $"power cap {cap} W" : "power cap lifted";
                outcome = await RequestLockedAsync(miner, wish, requestedBy, why, urgent: false, cancellationToken).ConfigureAwait(false);
            }

            Publish(miner);
            return outcome;
        }
        finally
        {
            miner.Gate.Release();
        }
    }

    /// <summary>Caps and resolves <paramref name="command"/>, asks the guard, and sends it when allowed. Call under the miner's gate.</summary>
    private async Task<MinerRequestOutcome> RequestLockedAsync(
        FleetMiner miner, MinerCommand command, string requestedBy, string reason, bool urgent, CancellationToken cancellationToken)
    {
        var correlationId = Guid.NewGuid().ToString("N")[..12];
        var now = _time.GetUtcNow();
        if (miner.Thermal.Level == MinerThermalLevel.Sleeping && command.Kind != MinerCommandKind.Sleep && requestedBy != OverheatRequester)
        {
            var held = MinerDwellDecision.Skip(command, "held asleep while it cools; the request is applied when it recovers");
            Decided(miner.Options.Id, command.ToString(), requestedBy, reason, correlationId, held.Verdict, held.Reason);
            return new MinerRequestOutcome(correlationId, held);
        }

        MinerCommand effective;
        try
        {
            effective = Limit(miner, command);
        }
        catch (MinerUnsupportedException e)
        {
            var refused = MinerDwellDecision.Skip(command, e.Message);
            Decided(miner.Options.Id, command.ToString(), requestedBy, reason, correlationId, refused.Verdict, refused.Reason);
            return new MinerRequestOutcome(correlationId, refused, Error: e.Message);
        }

        var decision = miner.Guard.Request(effective, now, urgent);
        Decided(miner.Options.Id, effective.ToString(), requestedBy, reason, correlationId, decision.Verdict, decision.Reason);
        if (decision.Verdict == MinerDwellVerdict.Deferred)
        {
            miner.PendingOrigin = (requestedBy, reason);
        }

        if (decision.Verdict != MinerDwellVerdict.Allowed)
        {
            return new MinerRequestOutcome(correlationId, decision);
        }

        return await SendLockedAsync(miner, decision, requestedBy, reason, correlationId, urgent, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends an allowed command and records it; a delivery that failed for a passing reason is kept for the next poll.</summary>
    private async Task<MinerRequestOutcome> SendLockedAsync(
        FleetMiner miner, MinerDwellDecision decision, string requestedBy, string reason, string correlationId, bool urgent, CancellationToken cancellationToken)
    {
        var command = decision.Command;
        try
        {
            var result = await miner.Driver.ApplyAsync(command, cancellationToken).ConfigureAwait(false);
            // Counted as switched even when unverified or already in effect: the miner may have taken it, and the
            // guard's belief now matches what was asked.
            miner.Guard.Applied(command, _time.GetUtcNow());
            miner.Reading = result.Reading;
            Sent(miner.Options.Id, command.ToString(), requestedBy, reason, correlationId, result.Outcome, result.Detail ?? "-");
            return new MinerRequestOutcome(correlationId, decision, result);
        }
        catch (MinerException e) when (e is MinerUnreachableException or MinerBusyException)
        {
            if (miner.Guard.Pending is null)
            {
                miner.Guard.Retry(command, urgent);
                miner.PendingOrigin = (requestedBy, reason);
            }

            SendFailed(miner.Options.Id, command.ToString(), requestedBy, reason, correlationId, $"{e.Message} (retried at the next poll)");
            return new MinerRequestOutcome(correlationId, decision, Error: e.Message);
        }
        catch (MinerException e)
        {
            SendFailed(miner.Options.Id, command.ToString(), requestedBy, reason, correlationId, e.Message);
            return new MinerRequestOutcome(correlationId, decision, Error: e.Message);
        }
    }

    /// <summary>The command as this miner takes it (clamped, as a tier) and within the caps.</summary>
    private static MinerCommand Limit(FleetMiner miner, MinerCommand command)
    {
        var capabilities = miner.Capabilities;
        if (miner.EffectiveCap is { } cap)
        {
            var tooHigh = command.Kind switch
            {
                MinerCommandKind.SetPower => command.Watts > cap,
                MinerCommandKind.SetTier => capabilities?.Tiers.FirstOrDefault(t => string.Equals(t.Name, command.Tier, StringComparison.OrdinalIgnoreCase)) is { } tier && tier.Watts > cap,
                MinerCommandKind.Wake => miner.Guard.Target is { } target && Limit(miner, target) != target,
                _ => false,
            };
            if (tooHigh)
            {
                command = capabilities?.PowerControl == MinerPowerControl.Tiers ? MinerCommand.SetTier(capabilities.TierFor(cap).Name) : MinerCommand.SetPower(cap);
            }
        }

        if (capabilities is null)
        {
            return command;
        }

        return capabilities.Resolve(command);
    }
}

using ProofOfHeat.Drivers.Miners.Antminer.Rpc;
using ProofOfHeat.Drivers.Miners.Antminer.Web;

namespace ProofOfHeat.Drivers.Miners.Antminer;

/// <summary>Reading a stock Antminer: the mode from the web, the telemetry from the RPC.</summary>
public sealed partial class AntminerStockDriver
{
    // Control board and fans of a miner whose hashboards are off.
    private const int IdleWatts = 15;

    /// <inheritdoc />
    protected override async Task<MinerReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
        AntminerWorkMode? mode = null;
        string? webProblem = null;
        try
        {
            var conf = await _web.GetAsync("get_miner_conf", Timeouts.Reply, cancellationToken)
                ?? throw new MinerProtocolException("The firmware has no get_miner_conf.cgi.");
            mode = AntminerWebCodec.ReadWorkMode(conf);
        }
        catch (MinerUnreachableException e)
        {
            // bmminer may still answer: keep its telemetry and say why the mode is unknown.
            webProblem = "web API: " + e.Message;
        }

        if (mode is { } known && known != AntminerWorkMode.Sleep)
        {
            _lastRunningMode = known;
        }

        var now = Time.GetUtcNow();
        BmminerSummary summary;
        BmminerStats stats;
        try
        {
            summary = BmminerSummary.Parse((await _rpc.CommandAsync("summary", null, cancellationToken)).EnsureSuccess().Root);
            stats = BmminerStats.Parse((await _rpc.CommandAsync("stats", null, cancellationToken)).EnsureSuccess().Root);
        }
        catch (MinerUnreachableException e) when (mode is not null)
        {
            _rpcDownSince ??= now;
            return WithoutRpc(now, mode.Value, e.Message);
        }

        _rpcDownSince = null;
        _model ??= AntminerModel.For(stats.Model);
        var errors = new List<string>();
        if (webProblem is not null)
        {
            errors.Add(webProblem);
        }
        else
        {
            errors.AddRange(await WebErrorsAsync(cancellationToken));
        }

        return Build(now, mode, summary, stats, errors);
    }

    private MinerReading Build(DateTimeOffset now, AntminerWorkMode? mode, BmminerSummary summary, BmminerStats stats, List<string> errors)
    {
        var model = _model!;
        var gigahash = summary.HashrateGigahash ?? stats.HashrateGigahash ?? 0;
        var elapsed = summary.Elapsed ?? stats.Elapsed;
        MinerStatus status;
        if (mode == AntminerWorkMode.Sleep)
        {
            status = MinerStatus.Sleeping;
        }
        else if (gigahash > 0)
        {
            status = MinerStatus.Mining;
        }
        else if (elapsed is null || elapsed < StartupGrace)
        {
            status = MinerStatus.Starting;
        }
        else
        {
            status = MinerStatus.Faulted;
            errors.Add($"no hashrate {elapsed.Value.TotalMinutes:0} min after start");
        }

        return new MinerReading
        {
            At = now,
            Status = status,
            HashrateTerahash = gigahash / 1000,
            PowerWatts = EstimateWatts(model, mode ?? _lastRunningMode, gigahash, stats.IdealHashrateGigahash),
            PowerSource = PowerReadingSource.Estimated,
            Mode = mode is { } m ? AntminerModeNames.Of(m) : null,
            BoardTemperatures = stats.BoardTemperatures,
            ChipTemperatures = stats.ChipTemperatures,
            FanRpm = stats.FanRpm,
            Uptime = elapsed,
            Errors = errors,
        };
    }

    /// <summary>
    /// The mode's nameplate power scaled by how much of its nominal hashrate the boards deliver.
    /// A miner that is asleep may still hash for a minute (§9.1), so the hashrate decides, not the mode.
    /// </summary>
    private double EstimateWatts(AntminerModel model, AntminerWorkMode mode, double gigahash, double? idealGigahash)
    {
        if (gigahash <= 0)
        {
            return IdleWatts;
        }

        var runningMode = mode == AntminerWorkMode.Sleep ? _lastRunningMode : mode;
        var watts = model.WattsIn(runningMode);
        var ideal = idealGigahash is > 0 ? idealGigahash.Value : model.NominalTerahash * 1000 * watts / model.NominalWatts;
        return Math.Round(watts * Math.Min(1.1, gigahash / ideal));
    }

    private MinerReading WithoutRpc(DateTimeOffset now, AntminerWorkMode mode, string why)
    {
        var downFor = now - _rpcDownSince!.Value;
        var status = mode == AntminerWorkMode.Sleep ? MinerStatus.Sleeping
            : downFor < StartupGrace ? MinerStatus.Starting
            : MinerStatus.Faulted;
        return new MinerReading
        {
            At = now,
            Status = status,
            Mode = AntminerModeNames.Of(mode),
            PowerWatts = IdleWatts,
            PowerSource = PowerReadingSource.Estimated,
            Errors = ["bmminer RPC: " + why],
        };
    }
}

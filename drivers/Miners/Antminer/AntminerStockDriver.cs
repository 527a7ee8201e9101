using System.Text.Json;
using ProofOfHeat.Drivers.Miners.Antminer.Rpc;
using ProofOfHeat.Drivers.Miners.Antminer.Web;
using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.Antminer;

/// <summary>
/// Stock Antminer firmware (cgminer's API-README and pyasic's bmminer backend; pyasic's stock-Antminer web API). Telemetry comes from the bmminer
/// RPC (<c>summary</c>, <c>stats</c>; read-only on stock firmware), the work mode from the web's
/// <c>get_miner_conf.cgi</c>; sleep, wake and the low-power/normal modes are written with
/// <c>set_miner_conf.cgi</c> behind HTTP Digest. The firmware reports no watts: power is estimated
/// from the model's nameplate, the mode and the hashrate.
/// </summary>
public sealed partial class AntminerStockDriver : MinerDriverBase
{
    // A running miner without hashrate is starting for this long (boards re-initialise in 2–5 min, §9.1), then faulted.
    private static readonly TimeSpan StartupGrace = TimeSpan.FromMinutes(10);

    private readonly CgminerRpcClient _rpc;
    private readonly AntminerWebClient _web;
    private AntminerModel? _model;
    private AntminerWorkMode _lastRunningMode = AntminerWorkMode.Normal;
    private DateTimeOffset? _rpcDownSince;
    private bool _webSummaryMissing;

    /// <summary>Creates the driver; does no I/O.</summary>
    public AntminerStockDriver(MinerEndpoint endpoint, MinerDriverContext context)
        : base(MinerFamilies.AntminerStock, endpoint, context)
    {
        _rpc = new CgminerRpcClient(endpoint.Host, endpoint.RpcPort, Timeouts, Time);
        _web = new AntminerWebClient(endpoint, Timeouts, Time);
    }

    /// <summary>The mode a wake returns to: the last running mode seen (the firmware itself forgets it, §2).</summary>
    public AntminerWorkMode WakeMode => _lastRunningMode;

    /// <inheritdoc />
    protected override async Task<MinerCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken)
    {
        var model = await ModelAsync(cancellationToken);
        return new MinerCapabilities
        {
            Model = model.Name,
            CanSleep = true,
            PowerControl = MinerPowerControl.Tiers,
            Tiers = model.Tiers,
            MaximumPowerWatts = model.NominalWatts,
            // Leaving sleep or changing mode restarts bmminer; the boards need minutes to reach full hashrate.
            PowerChangeRestarts = true,
            TypicalSettleTime = TimeSpan.FromMinutes(3),
            ReportsPower = false,
            SleepPowerWatts = 15,
        };
    }

    /// <inheritdoc />
    protected override bool IsInEffect(MinerCommand command, MinerReading reading, MinerCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(reading);
        // The configured mode is the truth here: hashrate lags a mode change by a minute or more (§9.1).
        return command.Kind switch
        {
            MinerCommandKind.Sleep => reading.Mode == AntminerModeNames.Sleep,
            MinerCommandKind.Wake => reading.Mode is not null && reading.Mode != AntminerModeNames.Sleep,
            MinerCommandKind.SetTier => string.Equals(reading.Mode, command.Tier, StringComparison.OrdinalIgnoreCase),
            _ => base.IsInEffect(command, reading, capabilities),
        };
    }

    /// <inheritdoc />
    protected override async Task<SentCommand> SendCoreAsync(
        MinerCommand command, MinerCapabilities capabilities, MinerReading before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var target = command.Kind switch
        {
            MinerCommandKind.Sleep => AntminerWorkMode.Sleep,
            MinerCommandKind.Wake => _lastRunningMode,
            MinerCommandKind.SetTier => AntminerModeNames.Parse(command.Tier!) ?? throw new MinerUnsupportedException($"No work mode '{command.Tier}'."),
            _ => throw new MinerUnsupportedException($"Stock Antminer firmware cannot {command}."),
        };

        // The firmware rewrites its whole configuration from the body, so it is built from the current one.
        var conf = await _web.GetAsync("get_miner_conf", Timeouts.Reply, cancellationToken)
            ?? throw new MinerProtocolException("The firmware has no get_miner_conf.cgi.");
        var body = AntminerWebCodec.BuildSetMinerConf(conf, target);
        // set_miner_conf.cgi takes about 21 s to answer on S19j Pro firmware (asic-rs #245).
        var reply = await _web.PostAsync("set_miner_conf", body, Timeouts.Reply * 3, cancellationToken);
        AntminerWebCodec.EnsureAccepted(reply);
        if (target != AntminerWorkMode.Sleep)
        {
            _lastRunningMode = target;
        }

        return new SentCommand($"set_miner_conf miner-mode {(int)target} ({AntminerModeNames.Of(target)})", Restarts: target != AntminerWorkMode.Sleep);
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeCoreAsync()
    {
        _web.Dispose();
        await base.DisposeCoreAsync();
    }

    private async Task<AntminerModel> ModelAsync(CancellationToken cancellationToken)
    {
        if (_model is not null)
        {
            return _model;
        }

        try
        {
            var version = BmminerVersion.Parse((await _rpc.CommandAsync("version", null, cancellationToken)).EnsureSuccess().Root);
            return _model = AntminerModel.For(version.Model);
        }
        catch (MinerUnreachableException)
        {
            // bmminer restarts after every mode change while the web stays up; the web knows the model too.
            var info = await _web.GetAsync("get_system_info", Timeouts.Reply, cancellationToken);
            var type = info is JsonElement found && found.ValueKind == JsonValueKind.Object && found.TryGetProperty("minertype", out var t) ? t.GetString() : null;
            return _model = type is null ? throw new MinerUnreachableException("Neither bmminer nor the web API named the model.") : AntminerModel.For(type);
        }
    }

    private async Task<IReadOnlyList<string>> WebErrorsAsync(CancellationToken cancellationToken)
    {
        if (_webSummaryMissing)
        {
            return [];
        }

        // summary.cgi exists on newer firmware only; older firmware answers 404 once and is not asked again.
        if (await _web.GetAsync("summary", Timeouts.Reply, cancellationToken) is not JsonElement summary)
        {
            _webSummaryMissing = true;
            return [];
        }

        return AntminerWebCodec.ReadErrors(summary);
    }
}

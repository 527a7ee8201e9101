using ProofOfHeat.Drivers.HeatSources.SgReady.Outputs;

namespace ProofOfHeat.Drivers.HeatSources.SgReady;

/// <summary>
/// An SG-Ready heat pump behind two relay contacts. Its levels are the four SG-Ready states (names: blocked, normal,
/// recommended, forced); a change of both contacts is made one relay at a time in the order
/// <see cref="SgReadySwitchPlan"/> gives, each relay's reported state awaited before the next is switched, so the heat
/// pump never sees a blocked or forced combination on the way. The state is read back from the relays' own reports.
/// </summary>
public sealed class SgReadyDriver : HeatSourceDriverBase
{
    private static readonly Dictionary<SgReadyState, string> Meanings = new()
    {
        [SgReadyState.Blocked] = "SG-Ready state 1 (1:0): blocked, as a utility block; at most 2 h",
        [SgReadyState.Normal] = "SG-Ready state 2 (0:0): energy-efficient normal operation",
        [SgReadyState.Recommended] = "SG-Ready state 3 (0:1): run more — raised setpoints recommended, not a start command",
        [SgReadyState.Forced] = "SG-Ready state 4 (1:1): definite start command within the controller's settings",
    };

    private readonly SgReadyDriverOptions _options;
    private readonly IRelayOutput _contact1;
    private readonly IRelayOutput _contact2;

    /// <summary>Creates the driver on two outputs it owns from now on.</summary>
    public SgReadyDriver(SgReadyDriverOptions options, IRelayOutput contact1, IRelayOutput contact2, HeatSourceDriverContext context)
        : base("sg-ready", Describe(options, contact1, contact2), context)
    {
        _options = options;
        _contact1 = contact1;
        _contact2 = contact2;
    }

    /// <summary>A state's level name, as commands and readings use it.</summary>
    public static string LevelName(SgReadyState state) => state.ToString().ToLowerInvariant();

    /// <inheritdoc />
    protected override Task<HeatSourceCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new HeatSourceCapabilities
        {
            Model = "SG-Ready heat pump (two contacts)",
            Levels = [.. Enum.GetValues<SgReadyState>().Select(s =>
                new HeatSourceLevel(LevelName(s), Meanings[s], _options.ApproximateWatts.TryGetValue(s, out var w) ? w : null))],
            MinimumLevelDwell = _options.MinimumStateDwell,
        });

    /// <inheritdoc />
    protected override async Task<HeatSourceReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
        var contacts = new SgReadyContacts(
            await _contact1.ReadAsync(Timeouts.Reply, cancellationToken).ConfigureAwait(false),
            await _contact2.ReadAsync(Timeouts.Reply, cancellationToken).ConfigureAwait(false));
        return new HeatSourceReading
        {
            At = Time.GetUtcNow(),
            // Only the contacts are seen, not the compressor: blocked is off, every other state lets it run as it decides.
            Status = contacts.State == SgReadyState.Blocked ? HeatSourceStatus.Off : HeatSourceStatus.Idle,
            Level = LevelName(contacts.State),
        };
    }

    /// <inheritdoc />
    protected override async Task<SentHeatSourceCommand> SendCoreAsync(HeatSourceCommand command, HeatSourceReading before, CancellationToken cancellationToken)
    {
        if (command.Kind != HeatSourceCommandKind.SetLevel || !Enum.TryParse<SgReadyState>(command.Level, ignoreCase: true, out var target))
        {
            throw new HeatSourceUnsupportedException($"{Endpoint} only takes the SG-Ready levels.");
        }

        var now = Enum.Parse<SgReadyState>(before.Level!, ignoreCase: true);
        var at = SgReadyContacts.For(now);
        var steps = new List<string>();
        foreach (var step in SgReadySwitchPlan.Steps(at, target))
        {
            var (output, closed) = step.Contact1 != at.Contact1 ? (_contact1, step.Contact1) : (_contact2, step.Contact2);
            var reported = await output.SetAsync(closed, Timeouts.Reply, cancellationToken).ConfigureAwait(false);
            steps.Add($"{output.Name} {(closed ? "closed" : "opened")}");
            if (reported != closed)
            {
                // The relay did not follow: stop here rather than switch the other one into a combination not planned.
                steps.Add($"{output.Name} still reports {(reported ? "closed" : "open")}");
                break;
            }

            at = step;
        }

        return new SentHeatSourceCommand(string.Join(", then ", steps));
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeCoreAsync()
    {
        await _contact1.DisposeAsync().ConfigureAwait(false);
        await _contact2.DisposeAsync().ConfigureAwait(false);
        await base.DisposeCoreAsync().ConfigureAwait(false);
    }

    private static string Describe(SgReadyDriverOptions options, IRelayOutput contact1, IRelayOutput contact2)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(contact1);
        ArgumentNullException.ThrowIfNull(contact2);
        return $"sg-ready:{options.Name} ({contact1.Name}, {contact2.Name})";
    }
}

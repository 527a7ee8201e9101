namespace ProofOfHeat.Drivers.HeatSources.Tests;

/// <summary>
/// A heat source in memory with the contract's misbehaviours: it can ignore, refuse or not answer. It proves the
/// driver base and the contract tests themselves, without a protocol.
/// </summary>
internal sealed class InMemoryHeatSource
{
    private readonly object _gate = new();

    public bool IsOn { get; private set; }

    public string Level { get; private set; } = "normal";

    public double FlowSetpoint { get; private set; } = 35;

    public int CommandsReceived { get; private set; }

    public bool Ignoring { get; set; }

    public bool Refusing { get; set; }

    public bool Silent { get; set; }

    /// <summary>Takes a command: counts it, then refuses, ignores or follows it.</summary>
    public void Take(HeatSourceCommand command)
    {
        lock (_gate)
        {
            CommandsReceived++;
            if (Refusing)
            {
                throw new HeatSourceRefusedException("the source answered: busy (in-memory refusal)");
            }

            if (Ignoring)
            {
                return;
            }

            switch (command.Kind)
            {
                case HeatSourceCommandKind.TurnOn: IsOn = true; break;
                case HeatSourceCommandKind.TurnOff: IsOn = false; break;
                case HeatSourceCommandKind.SetLevel: Level = command.Level!; break;
                case HeatSourceCommandKind.SetFlowSetpoint: FlowSetpoint = command.Value!.Value; break;
                default: throw new HeatSourceRefusedException($"cannot {command}");
            }
        }
    }
}

using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Entities;

/// <summary>A validated command from one of a miner's entities in HA.</summary>
/// <param name="MinerId">The miner.</param>
/// <param name="Kind">Which entity.</param>
/// <param name="On">The switch's new state, for <see cref="MinerEntityCommandKind.Active"/>.</param>
/// <param name="Watts">The power limit, for <see cref="MinerEntityCommandKind.PowerLimit"/>.</param>
/// <param name="Mode">The tier, for <see cref="MinerEntityCommandKind.Mode"/>.</param>
public sealed record MinerEntityCommand(string MinerId, MinerEntityCommandKind Kind, bool? On = null, double? Watts = null, string? Mode = null)
{
    /// <summary>The miner command it asks for.</summary>
    public MinerCommand ToMinerCommand() => Kind switch
    {
        MinerEntityCommandKind.Active => On == true ? MinerCommand.Wake : MinerCommand.Sleep,
        MinerEntityCommandKind.PowerLimit => MinerCommand.SetPower(Math.Max(1, (int)Math.Round(Watts ?? 0))),
        _ => MinerCommand.SetTier(Mode ?? string.Empty),
    };
}

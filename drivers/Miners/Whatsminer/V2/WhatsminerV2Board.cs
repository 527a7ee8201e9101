namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>One hashboard from an API v2 <c>devs</c> or <c>edevs</c> reply.</summary>
/// <param name="Slot">The board's slot (<c>Slot</c>, else <c>ASC</c>).</param>
/// <param name="Temperature">The board temperature, °C.</param>
/// <param name="ChipTemperatureMax">The hottest chip, °C.</param>
/// <param name="HashrateMhs">The board's hashrate over a minute, MH/s.</param>
public sealed record WhatsminerV2Board(int Slot, double? Temperature, double? ChipTemperatureMax, double? HashrateMhs)
{
    /// <summary>Reads the boards of a <c>devs</c> or <c>edevs</c> reply (section DEVS).</summary>
    public static IReadOnlyList<WhatsminerV2Board> Parse(WhatsminerV2Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return
        [
            .. reply.Sections("DEVS").Select((d, i) => new WhatsminerV2Board(
                WhatsminerJson.Int(d, "Slot") ?? WhatsminerJson.Int(d, "ASC") ?? i,
                WhatsminerJson.Double(d, "Temperature"),
                WhatsminerJson.Double(d, "Chip Temp Max"),
                WhatsminerJson.Double(d, "MHS 1m") ?? WhatsminerJson.Double(d, "MHS av"))),
        ];
    }
}

namespace ProofOfHeat.Host.HaSide;

/// <summary>A miner for the templates: its brain entities.</summary>
/// <param name="Id">The miner id.</param>
/// <param name="Name">The display name.</param>
/// <param name="RussianName">Its name for Alice («Майнер 1», or the config's name when written in Cyrillic).</param>
/// <param name="RussianRoom">Its room for Alice (its area or the zone it heats), or null.</param>
/// <param name="Active">The on/off switch.</param>
/// <param name="PowerLimit">The power-limit number.</param>
/// <param name="Hashrate">The hashrate sensor.</param>
/// <param name="Power">The power sensor.</param>
/// <param name="Temperature">The temperature sensor.</param>
/// <param name="Efficiency">The efficiency sensor.</param>
/// <param name="Revenue">The revenue-per-hour sensor.</param>
/// <param name="Status">The status sensor.</param>
internal sealed record MinerView(
    string Id,
    string Name,
    string RussianName,
    string? RussianRoom,
    string Active,
    string PowerLimit,
    string Hashrate,
    string Power,
    string Temperature,
    string Efficiency,
    string Revenue,
    string Status);

using ProofOfHeat.Apps.Miners.Fleet;

namespace ProofOfHeat.Host.Api;

/// <summary>A miner as <c>GET /api/miners</c> shows it; values the miner does not report are null.</summary>
/// <param name="Id">The miner's id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Family">Its firmware family.</param>
/// <param name="Status"><c>mining</c>, <c>sleeping</c>, <c>starting</c>, <c>unreachable</c>, <c>faulted</c>, or null before the first reading.</param>
/// <param name="HashrateTerahash">Hashrate, TH/s.</param>
/// <param name="PowerWatts">Power drawn, W.</param>
/// <param name="PowerLimitWatts">The power limit in effect, W.</param>
/// <param name="Mode">The firmware's mode or tier.</param>
/// <param name="MaxTemperature">The hottest chip or board, °C.</param>
/// <param name="BoardTemperatures">Hashboard temperatures, °C.</param>
/// <param name="InletTemperature">Air in, °C.</param>
/// <param name="OutletTemperature">Air out, °C.</param>
/// <param name="Thermal">Overheat protection's state.</param>
/// <param name="RevenuePerHour">What it earns per hour in the fleet's currency.</param>
/// <param name="At">When the reading was taken.</param>
internal sealed record MinerView(
    string Id, string Name, string Family, string? Status, double? HashrateTerahash, double? PowerWatts, int? PowerLimitWatts, string? Mode,
    double? MaxTemperature, IReadOnlyList<double> BoardTemperatures, double? InletTemperature, double? OutletTemperature, string Thermal,
    double? RevenuePerHour, DateTimeOffset? At)
{
    /// <summary>The view of <paramref name="snapshot"/>, with revenue at <paramref name="hashprice"/> (per TH/s and day) times <paramref name="currencyRate"/>.</summary>
    public static MinerView Of(MinerSnapshot snapshot, double? hashprice, double currencyRate)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var reading = snapshot.Reading;
        // As MinerFleetApp.RevenuePerHour: hashrate × hashprice ÷ 24 × rate.
        var revenue = reading?.HashrateTerahash is { } terahash && hashprice is { } price ? terahash * price / 24 * currencyRate : (double?)null;
        return new MinerView(snapshot.Id, snapshot.Name, snapshot.Family, reading?.Status.ToString().ToLowerInvariant(), reading?.HashrateTerahash,
            reading?.PowerWatts, reading?.PowerLimitWatts, reading?.Mode, reading?.MaximumTemperature, reading?.BoardTemperatures ?? [],
            reading?.InletTemperature, reading?.OutletTemperature, snapshot.Thermal.Level.ToString().ToLowerInvariant(), revenue, reading?.At);
    }
}

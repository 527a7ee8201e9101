using ProofOfHeat.Sim.Heating.Boundary;

namespace ProofOfHeat.Bench.Heating.Scenarios;

/// <summary>A scenario: its definition and its series (weather, tariff, hashprice).</summary>
public sealed record Scenario(
    ScenarioDefinition Definition,
    WeatherSeries Weather,
    IReadOnlyList<TariffSlot> Tariff,
    IReadOnlyList<HashpricePoint> Hashprice)
{
    /// <summary>Hashprice in USD at <paramref name="at"/>.</summary>
    public double HashpriceUsdAt(DateTimeOffset at)
    {
        var value = Hashprice[0].UsdPerThDay;
        foreach (var point in Hashprice)
        {
            if (point.Start > at)
            {
                break;
            }

            value = point.UsdPerThDay;
        }

        return value;
    }

    /// <summary>Index of the tariff slot containing <paramref name="at"/>, or -1.</summary>
    public int TariffIndex(DateTimeOffset at)
    {
        int lo = 0, hi = Tariff.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var slot = Tariff[mid];
            if (at < slot.Start)
            {
                hi = mid - 1;
            }
            else if (at >= slot.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>Retail electricity price at <paramref name="at"/>, €/kWh.</summary>
    public double PriceAt(DateTimeOffset at)
    {
        var index = TariffIndex(at);
        return index < 0 ? Tariff[at < Tariff[0].Start ? 0 : ^1].EurPerKwh : Tariff[index].EurPerKwh;
    }
}

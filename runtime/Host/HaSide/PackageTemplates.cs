using System.Globalization;
using System.Text;

namespace ProofOfHeat.Host.HaSide;

/// <summary>The Jinja templates of the package's template sensors, written for one config.</summary>
internal static class PackageTemplates
{
    /// <summary>
    /// The electricity price now: the config's price sensor with its multiplier and adder, else the daily static
    /// rates by the local time (<c>HH:MM</c> compares as text), else the flat price.
    /// </summary>
    public static string Price(HaSideModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.PriceSensor is { } sensor)
        {
            return Invariant($"{{{{ (states('{sensor}') | float(0) * {model.PriceMultiplier} + {model.PriceAdder}) | round(4) }}}}");
        }

        var text = new StringBuilder("{% set t = now().strftime('%H:%M') %}");
        var first = true;
        foreach (var rate in model.Tariff)
        {
            text.Append(Invariant($"{{% {(first ? "if" : "elif")} t >= '{rate.From}' and t < '{rate.To}' %}}{rate.Price}"));
            first = false;
        }

        text.Append(first ? Invariant($"{model.FlatPrice}") : Invariant($"{{% else %}}{model.FlatPrice}{{% endif %}}"));
        return text.ToString();
    }

    /// <summary>The sum of <paramref name="entities"/>' numeric states (unavailable ones count 0), rounded.</summary>
    public static string Sum(IEnumerable<string> entities, int digits)
    {
        var terms = entities.Select(e => $"states('{e}') | float(0)").ToList();
        return terms.Count == 0 ? "0" : Invariant($"{{{{ ({string.Join(" + ", terms)}) | round({digits}) }}}}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Host.HaSide;

/// <summary>
/// The files <c>poh dashboards</c> writes for one config: the Lovelace dashboard (four views in the sections layout)
/// and the HA package. Each view is its own template; the dashboard file is their concatenation under <c>views:</c>.
/// </summary>
internal static class HaSideFiles
{
    /// <summary>The dashboard's path under the output folder, as the package registers it (relative to /config).</summary>
    public const string DashboardPath = "dashboards/proof_of_heat.yaml";

    /// <summary>The package's path under the output folder.</summary>
    public const string PackagePath = "packages/proof_of_heat.yaml";

    /// <summary>The view templates, in the dashboard's order.</summary>
    public static IReadOnlyList<string> Views { get; } = ["heating", "miners", "safety", "energy"];

    /// <summary>Renders every file: relative path → content.</summary>
    public static IReadOnlyDictionary<string, string> Render(HaSideModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var extra = Extras(model);
        var dashboard = new StringBuilder()
            .Append("# Proof-of-Heat dashboard, rendered by `poh dashboards` for one config: every entity id is one the brain\n")
            .Append("# announces for it, or a home entity the config names, or one of the package's sensors (poh_*).\n")
            .Append("title: Proof of Heat\nviews:\n");
        foreach (var view in Views.Where(v => v != "miners" || model.Miners.Count > 0))
        {
            dashboard.Append(HaSideTemplates.Render($"{view}.yaml.scriban", model, extra));
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DashboardPath] = dashboard.ToString(),
            [PackagePath] = HaSideTemplates.Render("proof_of_heat.yaml.scriban", model, extra),
        };
    }

    private static Dictionary<string, object?> Extras(HaSideModel model)
    {
        var limit = model.MainMeter is null ? 0 : MainMeterMax(model);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["sensors"] = model.LeakSensors.Concat(model.GasSensors).Concat(model.SmokeSensors).Distinct(StringComparer.Ordinal).ToList(),
            ["main_meter_max"] = limit,
            ["main_meter_yellow"] = Math.Round(limit * 0.7),
            ["main_meter_red"] = Math.Round(limit * 0.9),
            ["price_template"] = PackageTemplates.Price(model),
            ["heat_power_template"] = PackageTemplates.Sum(model.Miners.Select(m => m.Power), 0),
            ["revenue_rate_template"] = PackageTemplates.Sum(model.Miners.Select(m => m.Revenue), 4),
            // The status sensor's states (MqttMinerEntities publishes MinerStatus in lower case) that mean trouble,
            // and HA's state while the miner's own availability is offline.
            ["miner_fault_states"] = new[] { nameof(MinerStatus.Faulted).ToLowerInvariant(), "unavailable" },
            ["tariff_markdown"] = TariffMarkdown(model),
            ["alerts_markdown"] = "Cards above appear while a sensor alerts. The brain's own alerts, with Acknowledge, are on its page (the add-on's panel) and in your notifications.",
        };
    }

    // The gauge's scale: 20 % above the main fuse's limit, in whole kW (0–15 kW when the config gives none).
    private static double MainMeterMax(HaSideModel model) => model.MainMeterLimitWatts is { } watts && watts > 0 ? Math.Ceiling(watts * 1.2 / 1000) * 1000 : 15000;

    private static string TariffMarkdown(HaSideModel model)
    {
        var text = new StringBuilder();
        if (model.PriceSensor is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Price from `{model.PriceSensor}`.");
        }
        else if (model.Tariff.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"| from | to | {model.Currency}/kWh |\n|---|---|---|\n");
            foreach (var rate in model.Tariff)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {rate.From} | {rate.To} | {rate.Price:0.###} |\n");
            }
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Flat price {model.FlatPrice:0.###} {model.Currency}/kWh.");
        }

        text.Append("\n\nThe optimiser's plan for the next 36 h (power per source and slot) is on the brain's page; the graph above shows it as carried out.");
        return text.ToString();
    }
}

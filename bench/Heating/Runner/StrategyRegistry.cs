using ProofOfHeat.Bench.Heating.Baselines;
using ProofOfHeat.Bench.Heating.Scenarios;
using ProofOfHeat.Bench.Heating.Strategies;

namespace ProofOfHeat.Bench.Heating.Runner;

/// <summary>
/// The strategies the runner knows, by name: the baselines (stock, and as the comfort sweep configured them on
/// held-out days), our MPC, and the perfect-foresight ORACLE.
/// </summary>
public sealed class StrategyRegistry(BaselineTuner tuner, ComfortSweep? sweep = null)
{
    public static IReadOnlyList<string> Baselines { get; } = ["HYST", "TPI", "TPI-tuned", "PID", "PRICE-RULE", "HYST-swept", "TPI-swept", "PRICE-RULE-swept"];

    /// <summary>The baselines the comfort sweep configures per scenario.</summary>
    public static IReadOnlyList<string> Swept { get; } = ["HYST-swept", "TPI-swept", "PRICE-RULE-swept"];

    public static IReadOnlyList<string> Default { get; } = [.. Baselines, "MPC", "ORACLE", "BOUND"];

    public BaselineTuner Tuner { get; } = tuner;

    public ComfortSweep Sweep { get; } = sweep ?? new ComfortSweep();

    public static bool IsSwept(string name) => Swept.Contains(name, StringComparer.OrdinalIgnoreCase);

    public static bool IsBaseline(string name) => Baselines.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="name"/> is a strategy the runner knows.</summary>
    public static bool IsAvailable(string name) => Default.Contains(name, StringComparer.OrdinalIgnoreCase);

    public IHeatingStrategy Create(string name, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return name.ToUpperInvariant() switch
        {
            "HYST" => new HystStrategy(),
            "TPI" => new TpiStrategy(),
            "TPI-TUNED" => new TpiStrategy(Tuner.Tpi(scenario.Definition.HouseName, scenario.Definition.House)) { DisplayName = "TPI-tuned" },
            "PID" => new PidStrategy(Tuner.Pid(scenario.Definition.HouseName, scenario.Definition.House)),
            "PRICE-RULE" => new PriceRuleStrategy(Tuner.Tpi(scenario.Definition.HouseName, scenario.Definition.House)),
            "HYST-SWEPT" => Sweep.Choose(scenario, "HYST").Point.Create(),
            "TPI-SWEPT" => Sweep.Choose(scenario, "TPI").Point.Create(),
            "PRICE-RULE-SWEPT" => Sweep.Choose(scenario, "PRICE-RULE").Point.Create(),
            "MPC" => new MpcStrategy(),
            "ORACLE" => new OracleStrategy(),
            "BOUND" => new BoundStrategy(),
            _ => throw new ArgumentException($"Unknown strategy '{name}'. Known: {string.Join(", ", Default)}.", nameof(name)),
        };
    }
}

using System.Text.Json.Nodes;

namespace ProofOfHeat.Bench.Mqtt;

/// <summary>
/// The second contrast contestant: the product's rule process with .NET's stock thread-pool spinning, i.e. its own
/// runtimeconfig.json minus the spin limit from <c>runtime/RuntimeDefaults.props</c>, started through
/// <c>dotnet exec --runtimeconfig</c>. It shows in the same run what that one setting is worth.
/// </summary>
internal static class StockRuntime
{
    public const string SpinLimitSetting = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";

    /// <summary>Writes the stock runtimeconfig into a new temporary directory and returns the file's path.</summary>
    public static string WriteRuntimeConfig()
    {
        var own = Path.Combine(AppContext.BaseDirectory, $"{typeof(StockRuntime).Assembly.GetName().Name}.runtimeconfig.json");
        var config = JsonNode.Parse(File.ReadAllText(own)) ?? throw new InvalidOperationException($"{own} is empty.");
        if (config["runtimeOptions"]?["configProperties"] is not JsonObject properties || !properties.Remove(SpinLimitSetting))
        {
            throw new InvalidOperationException($"{own} does not set {SpinLimitSetting}: is runtime/RuntimeDefaults.props imported?");
        }

        var path = Path.Combine(Directory.CreateTempSubdirectory("poh-bench-stock-").FullName, "stock.runtimeconfig.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }
}

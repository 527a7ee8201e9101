using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.HaSide;

namespace ProofOfHeat.Host.Tests.HaSide;

/// <summary>Per config: its model, the files <c>poh dashboards</c> and <c>poh alice</c> render, and what the running brain announced.</summary>
public sealed class HaSideFixture : IAsyncLifetime
{
    private readonly Dictionary<string, Rendered> _rendered = new(StringComparer.Ordinal);

    /// <summary>The rendering of the config named <paramref name="name"/>.</summary>
    internal Rendered this[string name] => _rendered[name];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        foreach (var name in new[] { nameof(HaSideConfigs.Demo), nameof(HaSideConfigs.Dacha) })
        {
            var model = Model(HaSideConfigs.Get(name));
            var payloads = await BrainDiscovery.CollectAsync(HaSideConfigs.Get(name), model.BrainEntities.Select(e => e.DeviceIdentifier).Distinct().Count());
            _rendered[name] = new Rendered(model, HaSideFiles.Render(model), AliceConfig.Render(model), payloads, BrainDiscovery.EntityIds(payloads));
        }
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The model of <paramref name="config"/> with the shipped apps, as <c>poh dashboards</c> builds it.</summary>
    internal static HaSideModel Model(string config)
    {
        using var dir = new TempDirectory();
        var file = dir.Write("poh.yaml", config);
        return HaSideConfig.Load(new ConfigRequest(file, new Dictionary<string, string>(), dir.Path, AppCatalog.Shipped()));
    }

    /// <summary>One config's rendering and the brain's real announcements.</summary>
    internal sealed record Rendered(
        HaSideModel Model,
        IReadOnlyDictionary<string, string> Files,
        string Alice,
        IReadOnlyList<string> Payloads,
        IReadOnlySet<string> Announced)
    {
        public string Dashboard => Files[HaSideFiles.DashboardPath];

        public string Package => Files[HaSideFiles.PackagePath];
    }
}

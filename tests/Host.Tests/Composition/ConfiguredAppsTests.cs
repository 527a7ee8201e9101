using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.Apps.Heating;
using ProofOfHeat.Host.Composition;
using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Tests.Composition;

public sealed class ConfiguredAppsTests
{
    [Fact]
    public async Task LoadAsync_ConfigSaysOffNothingStored_AppIsOff()
    {
        var store = new ConfiguredAppSwitchStore(Apps(("heating", false)), new MemorySwitches());

        var switches = await store.LoadAsync(CancellationToken.None);

        Assert.False(switches["heating"]);
    }

    [Fact]
    public async Task LoadAsync_SwitchedOnAtRunTime_StoredSwitchWinsOverConfig()
    {
        var stored = new MemorySwitches();
        var store = new ConfiguredAppSwitchStore(Apps(("heating", false)), stored);

        await store.SaveAsync("heating", true, CancellationToken.None);
        var switches = await store.LoadAsync(CancellationToken.None);

        Assert.True(switches["heating"]);
        Assert.True(stored.Saved["heating"]);
    }

    [Fact]
    public void GetOptions_SectionConfigured_ReturnsTheBoundInstance()
    {
        var configured = new HeatingOptions { ComfortTarget = 19.5 };
        var provider = new ConfiguredAppOptionsProvider(new Dictionary<string, AppSection>(StringComparer.Ordinal)
        {
            ["heating"] = new() { Options = configured },
        });

        Assert.Same(configured, provider.GetOptions("heating", typeof(HeatingOptions)));
    }

    [Fact]
    public void GetOptions_NoSection_ReturnsDefaults()
    {
        var provider = new ConfiguredAppOptionsProvider(new Dictionary<string, AppSection>(StringComparer.Ordinal));

        var options = Assert.IsType<HeatingOptions>(provider.GetOptions("heating", typeof(HeatingOptions)));

        Assert.Equal(new HeatingOptions().ComfortTarget, options.ComfortTarget);
    }

    [Fact]
    public void GetOptions_SectionBoundToAnotherType_ThrowsNamingBoth()
    {
        var provider = new ConfiguredAppOptionsProvider(new Dictionary<string, AppSection>(StringComparer.Ordinal)
        {
            ["heating"] = new() { Options = new HeatingOptions() },
        });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetOptions("heating", typeof(TpiLikeOptions)));

        Assert.Contains(nameof(TpiLikeOptions), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(HeatingOptions), error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, AppSection> Apps(params (string Id, bool Enabled)[] apps) =>
        apps.ToDictionary(a => a.Id, a => new AppSection { Enabled = a.Enabled }, StringComparer.Ordinal);

    private sealed class TpiLikeOptions;

    private sealed class MemorySwitches : IAppSwitchStore
    {
        public Dictionary<string, bool> Saved { get; } = new(StringComparer.Ordinal);

        public Task<IReadOnlyDictionary<string, bool>> LoadAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, bool>>(new Dictionary<string, bool>(Saved, StringComparer.Ordinal));

        public Task SaveAsync(string appId, bool enabled, CancellationToken cancellationToken)
        {
            Saved[appId] = enabled;
            return Task.CompletedTask;
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Heating.Tests;

/// <summary>The app built the way the runtime builds it: <c>ActivatorUtilities</c> with the per-app objects passed in.</summary>
public sealed class HeatingCompositionTests
{
    private readonly FakeTimeProvider _time = new();

    private static HeatingOptions Zoned() => new()
    {
        Zones = [new HeatingZoneOptions { Id = "living", RoomTemperatureEntity = "sensor.living", Sources = ["miner"] }],
        Sources = [new HeatSourceOptions { Id = "miner", Entity = "number.miner_power" }],
    };

    private ServiceProvider Services(Action<IServiceCollection> add)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IHeatingDecisionJournal>(new HeatingDecisionJournal());
        add(services);
        return services.BuildServiceProvider();
    }

    // The runtime passes the type it found, hence the non-generic overload.
#pragma warning disable CA2263
    private HeatingApp Create(IServiceProvider services, HeatingOptions options) => (HeatingApp)ActivatorUtilities.CreateInstance(
        services, typeof(HeatingApp), new FakeHaContext(_time), new FakeAppScheduler(_time), new StaticConfig(options));
#pragma warning restore CA2263

    [Fact]
    public void CreateInstance_NothingHeatingRegistered_OneZoneFormStarts()
    {
        using var services = Services(_ => { });
        using var app = Create(services, new HeatingOptions { RoomTemperatureEntity = "sensor.lounge", HeaterPowerEntity = "number.heater" });
        Assert.Null(app.PlanInputs);
    }

    [Fact]
    public async Task CreateInstance_AddHeating_AppUsesSharedControl()
    {
        var options = Zoned();
        using var services = Services(s => s.AddHeating(options));
        using var app = Create(services, options);
        await app.InitializeAsync(CancellationToken.None);

        var control = services.GetRequiredService<IHeatingControl>();
        control.SetTarget("living", 22.5, TimeSpan.FromHours(1));

        Assert.Equal(22.5, app.PlanInputs!.ComfortBands["living"][0].Lower);
        Assert.Same(control, services.GetRequiredService<HeatingControl>());
    }
}

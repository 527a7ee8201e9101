using Microsoft.Extensions.DependencyInjection.Extensions;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.Apps.Heating;
using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Apps.Miners;
using ProofOfHeat.Apps.Safety;
using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.Sim;
using ProofOfHeat.Sim.Time;

namespace ProofOfHeat.Demo;

/// <summary>
/// Registers the demo: the simulated home as the brain's backend, simulated time as the brain's
/// clock, the heating decision journal and the live table on stdout. The heating app itself is
/// added with the other apps, on the options the demo gives it (<see cref="DemoHeating"/>): the app assumes no entity ids.
/// </summary>
internal static class DemoServices
{
    /// <summary>The simulated instant a demo starts at: a Monday winter morning, 06:00 UTC.</summary>
    public static DateTimeOffset SimulatedStart { get; } = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);

    private const string HeatingAppId = "heating";

    /// <summary>The demo's seed when none is given: the same run every time.</summary>
    public const long DefaultSeed = 1;

    /// <summary>
    /// Creates the demo clock, starting now at <see cref="SimulatedStart"/>. Create it once and pass
    /// it to the host builder too if everything (store timestamps, logs) should run on simulated time.
    /// </summary>
    public static ScaledTimeProvider CreateClock(DemoOptions demo, TimeProvider? realTime = null)
    {
        ArgumentNullException.ThrowIfNull(demo);
        return new ScaledTimeProvider(SimulatedStart, demo.Speed, realTime);
    }

    /// <summary>
    /// Adds the demo's services. Any <see cref="TimeProvider"/> registered before is replaced by
    /// <paramref name="clock"/> (created from <paramref name="demo"/> when null). Call it before
    /// the app runtime is added, so the table's hosted service subscribes before the first decision.
    /// </summary>
    /// <returns><paramref name="apps"/> with, when it heats with the farm, the farm as the <c>miners</c> app's options and the farm's zone and sources as the heating's.</returns>
    public static IReadOnlyDictionary<string, AppSection> Add(
        IServiceCollection services,
        DemoOptions demo,
        IReadOnlyDictionary<string, AppSection>? apps = null,
        ScaledTimeProvider? clock = null,
        long seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(demo);
        apps ??= new Dictionary<string, AppSection>(StringComparer.Ordinal);
        var time = clock ?? CreateClock(demo);

        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(time);
        var home = new SimulatedHome(new SimulatedHomeOptions { Seed = seed, Start = time.GetUtcNow() });
        services.AddSingleton(home);
        DemoMinerFarm? farm = null;
        if (demo.MinerFarm)
        {
            farm = DemoMinerFarm.Start(time, home);
            // Registered through a factory so the container owns it and stops the simulators with the host.
            services.AddSingleton(_ => farm);
            services.RemoveAll<IHeatingHistoryStore>();
            services.AddSingleton<IHeatingHistoryStore>(DemoHeating.History(time.GetUtcNow(), seed));
            // Network waits are wall time; the demo's clock runs `speed` times faster.
            services.AddSingleton(sp => new MinerDriverContext(
                time,
                new MinerTimeouts
                {
                    Connect = TimeSpan.FromSeconds(3 * demo.Speed),
                    Reply = TimeSpan.FromSeconds(10 * demo.Speed),
                    RetryDelay = TimeSpan.FromSeconds(0.2 * demo.Speed),
                },
                sp.GetRequiredService<ILoggerFactory>()));
            var heating = apps.GetValueOrDefault(HeatingAppId);
            apps = new Dictionary<string, AppSection>(apps, StringComparer.Ordinal)
            {
                [MinerFleetApp.AppId] = new AppSection { Options = farm.FleetOptions() },
                [HeatingAppId] = new AppSection
                {
                    Enabled = heating?.Enabled ?? true,
                    Options = DemoHeating.Options(farm, heating?.Options as HeatingOptions),
                },
            };
        }
        else
        {
            var heating = apps.GetValueOrDefault(HeatingAppId);
            apps = new Dictionary<string, AppSection>(apps, StringComparer.Ordinal)
            {
                [HeatingAppId] = new AppSection { Enabled = heating?.Enabled ?? true, Options = DemoHeating.PlainOptions(heating?.Options as HeatingOptions) },
            };
        }

        // The safety rules on the simulated leak sensor, valve and main meter; alerts printed beside the table.
        var safety = new DemoSafetyDevices(time.GetUtcNow(), Console.Out);
        services.TryAddSingleton<IAlerts>(new DemoAlerts(time, Console.Out));
        apps = new Dictionary<string, AppSection>(apps, StringComparer.Ordinal)
        {
            [SafetyApp.AppId] = apps.GetValueOrDefault(SafetyApp.AppId) ?? new AppSection { Options = DemoSafety.Options(farm) },
        };
        services.AddSingleton<SimHomeBackend>(sp => new SimHomeBackend(
            home, time, sp.GetRequiredService<ILogger<SimHomeBackend>>(), farm, safety));
        services.RemoveAll<IHomeBackend>();
        services.AddSingleton<IHomeBackend>(sp => sp.GetRequiredService<SimHomeBackend>());
        services.TryAddSingleton<HeatingDecisionJournal>();
        services.TryAddSingleton<IHeatingDecisionJournal>(sp => sp.GetRequiredService<HeatingDecisionJournal>());
        services.AddSingleton<IHostedService>(sp => new DemoTableWriter(sp.GetRequiredService<IHeatingDecisionJournal>(), Console.Out, farm is null ? null : farm.Describe));
        return apps;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.Apps.Heating;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.Sim;
using ProofOfHeat.Sim.Time;

namespace ProofOfHeat.Host.Demo;

/// <summary>
/// Registers the demo: the simulated home as the brain's backend, simulated time as the brain's
/// clock, the heating decision journal and the live table on stdout. The heating app itself is
/// added with the other apps; its option defaults already point at the demo's entities.
/// </summary>
internal static class DemoServices
{
    /// <summary>The simulated instant a demo starts at: a Monday winter morning, 06:00 UTC.</summary>
    public static DateTimeOffset SimulatedStart { get; } = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);

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
    public static IServiceCollection Add(IServiceCollection services, DemoOptions demo, ScaledTimeProvider? clock = null, long seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(demo);
        var time = clock ?? CreateClock(demo);

        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(time);
        services.AddSingleton(new SimulatedHome(new SimulatedHomeOptions { Seed = seed, Start = time.GetUtcNow() }));
        services.AddSingleton<SimHomeBackend>(sp => new SimHomeBackend(
            sp.GetRequiredService<SimulatedHome>(), time, sp.GetRequiredService<ILogger<SimHomeBackend>>()));
        services.RemoveAll<IHomeBackend>();
        services.AddSingleton<IHomeBackend>(sp => sp.GetRequiredService<SimHomeBackend>());
        services.TryAddSingleton<HeatingDecisionJournal>();
        services.TryAddSingleton<IHeatingDecisionJournal>(sp => sp.GetRequiredService<HeatingDecisionJournal>());
        services.AddSingleton<IHostedService>(sp => new DemoTableWriter(sp.GetRequiredService<IHeatingDecisionJournal>(), Console.Out));
        return services;
    }
}

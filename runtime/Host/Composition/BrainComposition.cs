using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Hosting;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// Registers the brain itself (backends, app runtime, apps, simulator) for a mode of running.
/// Placeholder until the app runtime is wired; the host builder calls it last.
/// </summary>
internal static class BrainComposition
{
    /// <summary>
    /// Names the apps whose sections may appear under <c>apps:</c> in the configuration, with their
    /// options types. Called before the configuration is loaded and validated.
    /// </summary>
    public static void DescribeApps(AppOptionsSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
    }

    /// <summary>Adds the brain's services for <paramref name="mode"/>.</summary>
    /// <param name="services">The host's services; the store, TimeProvider, options and API are already there.</param>
    /// <param name="options">The validated configuration.</param>
    /// <param name="mode">How the brain runs.</param>
    /// <param name="demo">The demo's settings in <see cref="RunMode.Demo"/>, else null.</param>
    public static void Configure(IServiceCollection services, BrainOptions options, RunMode mode, DemoOptions? demo)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        _ = mode;
        _ = demo;
    }
}

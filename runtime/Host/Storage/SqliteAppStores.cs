using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Apps.Heating.Profiles;

namespace ProofOfHeat.Host.Storage;

/// <summary>
/// The durable stores the run-time store (poh.db) offers apps. Today these are the heating app's profile and
/// history tables, which predate app discovery and live in the host's schema migrations; an app's module registers
/// in-memory stores only where none is registered here.
/// </summary>
internal static class SqliteAppStores
{
    /// <summary>Registers the stores; the <see cref="RuntimeStore"/> must be registered.</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<IHeatingProfileStore, SqliteHeatingProfileStore>();
        services.AddSingleton<IHeatingHistoryStore, SqliteHeatingHistoryStore>();
    }
}

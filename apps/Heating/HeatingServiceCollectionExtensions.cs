using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProofOfHeat.Apps.Heating.Entities;
using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.MqttEntities;

namespace ProofOfHeat.Apps.Heating;

/// <summary>Registers what the heating app shares with the rest of the brain (the API, Telegram, HA's entities).</summary>
public static class HeatingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shared <see cref="IHeatingControl"/> (profiles, modes, overrides) over the registered
    /// <see cref="IHeatingProfileStore"/>, or an in-memory store when none is registered (register the durable one
    /// first). With zones in <paramref name="options"/> (or the one-zone form), also declares their climates and the profile select for MQTT
    /// discovery, so the entity manager knows them at its first connection (harmless without MQTT).
    /// Needs a registered <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddHeating(this IServiceCollection services, HeatingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IHeatingProfileStore, InMemoryHeatingProfileStore>();
        services.TryAddSingleton(sp => new HeatingControl(
            sp.GetRequiredService<IHeatingProfileStore>(),
            sp.GetRequiredService<TimeProvider>(),
            options?.BoostDuration));
        services.TryAddSingleton<IHeatingControl>(sp => sp.GetRequiredService<HeatingControl>());
        // A config in the one-zone form declares the one zone it runs as.
        if (options?.AsZones() is { Zones.Count: > 0 } zoned)
        {
            var zones = zoned.Zones;
            var profiles = HeatingZonesValidation.ProfilesOrDefault(zoned).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            services.AddMqttEntityDeclarations(entities =>
            {
                MqttHeatingEntities.Declare(entities, zones);
                MqttHeatingEntities.DeclareProfiles(entities, profiles);
            });
        }

        return services;
    }
}

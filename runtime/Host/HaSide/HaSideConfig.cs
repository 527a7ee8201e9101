using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.HaSide;

/// <summary>Loads a config for the HA-side verbs and builds its <see cref="HaSideModel"/>.</summary>
internal static class HaSideConfig
{
    /// <summary>The model of the config <paramref name="request"/> names; throws <see cref="ConfigException"/> on a bad config.</summary>
    public static HaSideModel Load(ConfigRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var config = ConfigLoader.Load(request);
        return HaSideModelBuilder.Build(config.Options, request.Apps);
    }
}

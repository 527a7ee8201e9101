using ProofOfHeat.AppModel.Apps;

namespace ProofOfHeat.Apps.Heating.Tests;

/// <summary>The heating app's options as the host would hand them over.</summary>
internal sealed class StaticConfig(HeatingOptions options) : IAppConfig<HeatingOptions>
{
    public HeatingOptions Value => options;
}

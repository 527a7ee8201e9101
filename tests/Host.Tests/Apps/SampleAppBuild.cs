using ProofOfHeat.AppModel;

namespace ProofOfHeat.Host.Tests.Apps;

/// <summary>
/// The sample app (Apps/SampleApp), built as a user builds their own app: against the app model only. The host has
/// never referenced it.
/// </summary>
public sealed class SampleAppBuild() : ExternalAssemblyBuild(
    Path.Combine("Apps", "SampleApp"), AssemblyName, "the sample app",
    typeof(IHaContext), typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection))
{
    public const string AssemblyName = "Acme.HomeApps";
}

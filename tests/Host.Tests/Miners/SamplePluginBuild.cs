using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Host.Tests.Miners;

/// <summary>The sample driver plugin (Miners/SamplePlugin), built against the driver contract only.</summary>
public sealed class SamplePluginBuild() : ExternalAssemblyBuild(
    Path.Combine("Miners", "SamplePlugin"), AssemblyName, "the sample plugin",
    typeof(IMinerDriverFactory), typeof(Microsoft.Extensions.Logging.ILogger))
{
    public const string AssemblyName = "Acme.SampleOs";
}

using System.Diagnostics;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Host.Tests.Miners;

/// <summary>
/// Builds the sample plugin (Miners/SamplePlugin) the way a third party would: its own project,
/// outside our solution, referencing only the driver contract, with <c>dotnet build</c>. Once per
/// test class; the output lands in <see cref="PluginsFolder"/>.
/// </summary>
public sealed class SamplePluginBuild : IDisposable
{
    public const string AssemblyName = "Acme.SampleOs";

    private readonly TempDirectory _dir = new();

    public SamplePluginBuild()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Miners", "SamplePlugin");
        var project = _dir.Combine("src");
        Directory.CreateDirectory(project);
        foreach (var file in Directory.GetFiles(source, "*.cs"))
        {
            File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
        }

        var contract = typeof(IMinerDriverFactory).Assembly.Location;
        var logging = typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location;
        File.WriteAllText(Path.Combine(project, AssemblyName + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <AssemblyName>{AssemblyName}</AssemblyName>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="ProofOfHeat.Drivers.Miners"><HintPath>{contract}</HintPath><Private>false</Private></Reference>
                <Reference Include="Microsoft.Extensions.Logging.Abstractions"><HintPath>{logging}</HintPath><Private>false</Private></Reference>
              </ItemGroup>
            </Project>
            """);
        PluginsFolder = _dir.Combine("plugins");
        Build(project, Path.Combine(PluginsFolder, AssemblyName));
    }

    /// <summary>The plugins folder; the plugin sits in its own subfolder, as the README tells users to copy it.</summary>
    public string PluginsFolder { get; }

    public void Dispose() => _dir.Dispose();

    private static void Build(string project, string output)
    {
        var start = new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "-o", output, "-nologo", "-v", "q", "-p:UseArtifactsOutput=false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's MSBuild settings must not leak into the plugin's build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("building the sample plugin took over 3 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"building the sample plugin failed:\n{stdout.Result}\n{stderr.Result}");
        }
    }
}

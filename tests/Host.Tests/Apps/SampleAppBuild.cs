using System.Diagnostics;
using ProofOfHeat.AppModel;

namespace ProofOfHeat.Host.Tests.Apps;

/// <summary>
/// Builds the sample app (Apps/SampleApp) the way a user would build their own app: its own project, outside our
/// solution, referencing only the app model, with <c>dotnet build</c>. The host has never referenced it. Once per
/// test class; the output lands in <see cref="PluginsFolder"/>.
/// </summary>
public sealed class SampleAppBuild : IDisposable
{
    public const string AssemblyName = "Acme.HomeApps";

    private readonly TempDirectory _dir = new();

    public SampleAppBuild()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Apps", "SampleApp");
        var project = _dir.Combine("src");
        Directory.CreateDirectory(project);
        foreach (var file in Directory.GetFiles(source, "*.cs"))
        {
            File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
        }

        var appModel = typeof(IHaContext).Assembly.Location;
        var injection = typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location;
        File.WriteAllText(Path.Combine(project, AssemblyName + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <AssemblyName>{AssemblyName}</AssemblyName>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="ProofOfHeat.AppModel"><HintPath>{appModel}</HintPath><Private>false</Private></Reference>
                <Reference Include="Microsoft.Extensions.DependencyInjection.Abstractions"><HintPath>{injection}</HintPath><Private>false</Private></Reference>
              </ItemGroup>
            </Project>
            """);
        PluginsFolder = _dir.Combine("plugins");
        Build(project, Path.Combine(PluginsFolder, AssemblyName));
    }

    /// <summary>The plugins folder; the app sits in its own subfolder, as the README tells users to copy it.</summary>
    public string PluginsFolder { get; }

    public void Dispose() => _dir.Dispose();

    private static void Build(string project, string output)
    {
        var start = new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "-o", output, "-nologo", "-v", "q", "-p:UseArtifactsOutput=false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's MSBuild settings must not leak into the app's build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("building the sample app took over 5 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"building the sample app failed:\n{stdout.Result}\n{stderr.Result}");
        }
    }
}

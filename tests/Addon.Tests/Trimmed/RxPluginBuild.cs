using System.Diagnostics;
using System.Xml.Linq;

namespace ProofOfHeat.Addon.Tests.Trimmed;

/// <summary>
/// Builds the sample plugin app in <c>Trimmed/RxPlugin</c> as a user would: its own project outside our solution,
/// compiled against the full .NET and ASP.NET Core reference assemblies (<c>FrameworkReference</c>, for DI and
/// logging) and the System.Reactive package, and against our app model as the published brain ships it. Its output
/// goes to <c>plugins/Acme.RxApps</c> under the given root, as the README tells users to copy it.
/// </summary>
internal static class RxPluginBuild
{
    public const string AssemblyName = "Acme.RxApps";

    /// <summary>Builds the plugin against the contracts in <paramref name="publishedBrain"/>; returns the plugins folder.</summary>
    public static string Build(string root, string publishedBrain)
    {
        var project = Path.Combine(root, "src");
        Directory.CreateDirectory(project);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Trimmed", "RxPlugin"), "*.cs"))
        {
            File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(project, AssemblyName + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <AssemblyName>{AssemblyName}</AssemblyName>
              </PropertyGroup>
              <ItemGroup>
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <PackageReference Include="System.Reactive" Version="{ReactiveVersion()}" />
                <Reference Include="ProofOfHeat.AppModel">
                  <HintPath>{Path.Combine(publishedBrain, "ProofOfHeat.AppModel.dll")}</HintPath>
                  <Private>false</Private>
                </Reference>
              </ItemGroup>
            </Project>
            """);
        var plugins = Path.Combine(root, "plugins");
        Run(project, Path.Combine(plugins, AssemblyName));
        return plugins;
    }

    /// <summary>The System.Reactive version the brain ships (Directory.Packages.props), so the build needs no other package.</summary>
    private static string ReactiveVersion() =>
        XDocument.Load(RepositoryRoot.Combine("Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == "System.Reactive").Attribute("Version")!.Value;

    private static void Run(string project, string output)
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

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous: a cold dotnet build on a loaded 2-core machine has taken minutes.
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("building the Rx plugin app took over 5 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"building the Rx plugin app failed:\n{stdout.Result}\n{stderr.Result}");
        }
    }
}

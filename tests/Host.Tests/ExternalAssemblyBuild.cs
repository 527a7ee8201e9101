using System.Diagnostics;

namespace ProofOfHeat.Host.Tests;

/// <summary>
/// Builds a sample assembly the way a third party would build theirs: its own project, outside our solution,
/// referencing only the contract assemblies it names, with <c>dotnet build</c>. Once per test class (a fixture);
/// the output lands in its own subfolder of <see cref="PluginsFolder"/>, as the README tells users to copy it.
/// </summary>
public abstract class ExternalAssemblyBuild : IDisposable
{
    private readonly TempDirectory _dir = new();

    /// <param name="sourceFolder">The sample's sources, relative to the test output (copied there by the csproj).</param>
    /// <param name="assemblyName">The assembly (and project) name.</param>
    /// <param name="what">What is built, for errors ("the sample app").</param>
    /// <param name="contracts">One type from each assembly the sample may reference; nothing else is visible to it.</param>
    protected ExternalAssemblyBuild(string sourceFolder, string assemblyName, string what, params Type[] contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        var project = _dir.Combine("src");
        Directory.CreateDirectory(project);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, sourceFolder), "*.cs"))
        {
            File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
        }

        var references = string.Concat(contracts.Select(t => t.Assembly).Distinct().Select(a =>
            $"<Reference Include=\"{a.GetName().Name}\"><HintPath>{a.Location}</HintPath><Private>false</Private></Reference>"));
        File.WriteAllText(Path.Combine(project, assemblyName + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <AssemblyName>{assemblyName}</AssemblyName>
              </PropertyGroup>
              <ItemGroup>{references}</ItemGroup>
            </Project>
            """);
        PluginsFolder = _dir.Combine("plugins");
        Build(project, Path.Combine(PluginsFolder, assemblyName), what);
    }

    /// <summary>The plugins folder; the assembly sits in its own subfolder.</summary>
    public string PluginsFolder { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    private static void Build(string project, string output, string what)
    {
        var start = new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "-o", output, "-nologo", "-v", "q", "-p:UseArtifactsOutput=false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's MSBuild settings must not leak into the sample's build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous: a cold dotnet build on a loaded 2-core machine has taken minutes.
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"building {what} took over 5 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"building {what} failed:\n{stdout.Result}\n{stderr.Result}");
        }
    }
}

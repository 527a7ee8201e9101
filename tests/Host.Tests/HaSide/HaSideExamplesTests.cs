using System.Runtime.CompilerServices;
using ProofOfHeat.Host.HaSide;

namespace ProofOfHeat.Host.Tests.HaSide;

/// <summary>The rendered examples in dashboards/examples/demo are what <c>poh dashboards</c> and <c>poh alice</c> write for the demo config today.</summary>
public sealed class HaSideExamplesTests
{
    [Fact]
    public void DemoExamples_AreTheCurrentRendering()
    {
        var examples = Path.Combine(RepositoryRoot(), "dashboards", "examples", "demo");
        var model = HaSideFixture.Model(HaSideConfigs.Demo);

        Assert.Equal(HaSideConfigs.Demo.TrimEnd(), File.ReadAllText(Path.Combine(examples, "poh.yaml")).TrimEnd());
        foreach (var (path, text) in HaSideFiles.Render(model))
        {
            Assert.True(text == File.ReadAllText(Path.Combine(examples, path)), $"{path} is stale: run `poh dashboards --config poh.yaml --out .` in dashboards/examples/demo");
        }

        Assert.True(AliceConfig.Render(model) == File.ReadAllText(Path.Combine(examples, "alice.yaml")), "alice.yaml is stale: run `poh alice --config poh.yaml --out alice.yaml` there");
    }

    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProofOfHeat.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ProofOfHeat.slnx) is not above " + sourceFile);
    }
}

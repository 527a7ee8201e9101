namespace ProofOfHeat.NodeRed.Tests.Support;

/// <summary>Where the repository's Node-RED parts are: found upwards from the test's output folder.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root (the folder holding ProofOfHeat.slnx).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Our node package, installed into each Node-RED user folder from here.</summary>
    public static string Package => Path.Combine(Root, "nodered", "package");

    /// <summary>The shipped flows.</summary>
    public static string Flow(string file) => Path.Combine(Root, "nodered", "flows", file);

    /// <summary>Node-RED's start script, installed by scripts/install-nodered-test-deps.sh.</summary>
    public static string NodeRedScript => Path.Combine(Root, "tests", "NodeRed.Tests", "node", "node_modules", "node-red", "red.js");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProofOfHeat.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ProofOfHeat.slnx) is not above " + AppContext.BaseDirectory);
    }
}

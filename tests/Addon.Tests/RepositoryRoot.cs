namespace ProofOfHeat.Addon.Tests;

/// <summary>The repository's files, found by walking up from the test assembly to the folder holding ProofOfHeat.slnx.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ProofOfHeat.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ProofOfHeat.slnx above {AppContext.BaseDirectory}.");
    });

    public static string Path => Root.Value;

    /// <summary>The add-on's folder, <c>addon/proof_of_heat</c>.</summary>
    public static string AddonFolder => Combine("addon", "proof_of_heat");

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);
}

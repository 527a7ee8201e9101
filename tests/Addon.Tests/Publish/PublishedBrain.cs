using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ProofOfHeat.Addon.Tests.Publish;

/// <summary>
/// The brain as the image ships it: <c>addon/publish.sh</c> (self-contained <c>dotnet publish</c>) into
/// <c>artifacts/addon-publish/&lt;arch&gt;</c>, run once per test run and arch, and again only when a source is newer
/// than the published <c>poh</c> (as <c>./poh</c> rebuilds). Both arches are published one after the other.
/// </summary>
internal static class PublishedBrain
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(25);
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Folders = new(StringComparer.Ordinal);

    /// <summary>How long each publish of this run took (absent when the output was fresh).</summary>
    public static ConcurrentDictionary<string, TimeSpan> PublishTimes { get; } = new(StringComparer.Ordinal);

    /// <summary>The published folder for <paramref name="arch"/> (<c>amd64</c> or <c>aarch64</c>), holding the <c>poh</c> executable.</summary>
    public static Task<string> FolderAsync(string arch) =>
        Folders.GetOrAdd(arch, a => new Lazy<Task<string>>(() => PublishAsync(a))).Value;

    private static async Task<string> PublishAsync(string arch)
    {
        var output = RepositoryRoot.Combine("artifacts", "addon-publish");
        var folder = Path.Combine(output, arch);
        await OneAtATime.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(folder, "poh")) && IsFresh(Path.Combine(folder, ".published")))
            {
                return folder;
            }

            var started = Stopwatch.StartNew();
            var start = new ProcessStartInfo(RepositoryRoot.Combine("addon", "publish.sh")) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(output);
            start.ArgumentList.Add(arch);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(PublishTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"addon/publish.sh {arch} took longer than {PublishTimeout.TotalMinutes} min");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"addon/publish.sh {arch} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
            }

            PublishTimes[arch] = started.Elapsed;
            return folder;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>Whether <paramref name="stamp"/> (touched by publish.sh when it finished) exists and no source of the brain is newer.</summary>
    private static bool IsFresh(string stamp)
    {
        if (!File.Exists(stamp))
        {
            return false;
        }

        var built = File.GetLastWriteTimeUtc(stamp);
        string[] roots = ["runtime", "apps", "drivers"];
        string[] patterns = ["*.cs", "*.csproj", "*.props", "*.env"];
        var newer = roots
            .SelectMany(r => patterns.SelectMany(p => Directory.EnumerateFiles(RepositoryRoot.Combine(r), p, SearchOption.AllDirectories)))
            .Concat([RepositoryRoot.Combine("Directory.Build.props"), RepositoryRoot.Combine("Directory.Packages.props")])
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .FirstOrDefault(f => File.GetLastWriteTimeUtc(f) > built);
        return newer is null;
    }

    /// <summary>A line for the test output: how long publishing took in this run.</summary>
    public static string Describe(string arch) => PublishTimes.TryGetValue(arch, out var took)
        ? string.Create(CultureInfo.InvariantCulture, $"published {arch} in {took.TotalSeconds:F0} s")
        : $"{arch} was already published and fresh";
}

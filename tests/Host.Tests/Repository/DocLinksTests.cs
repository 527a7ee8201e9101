using System.Text.RegularExpressions;

namespace ProofOfHeat.Host.Tests.Repository;

/// <summary>
/// The repository stands alone: its documents and comments point at nothing a reader of the repository does
/// not have (the project's private notes lived in a folder beside it). Relative
/// markdown links must stay inside the repository and name a file or folder that exists.
/// </summary>
public sealed partial class DocLinksTests
{
    private static readonly string[] TextExtensions = [".md", ".cs", ".props", ".targets", ".csproj", ".slnx", ".yaml", ".yml", ".json", ".sh", ".js"];
    private static readonly string[] SkippedFolders = ["artifacts", "bin", "obj", "node_modules", ".git"];

    [Fact]
    public void MarkdownLinks_StayInsideTheRepository_AndResolve()
    {
        var root = RepositoryRoot();
        var problems = new List<string>();
        foreach (var file in Files(root).Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
        {
            var text = File.ReadAllText(file);
            foreach (var target in LinkTargets(text))
            {
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith('#') || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var path = target.Split('#', 2)[0];
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                if (!IsInside(root, resolved))
                {
                    problems.Add($"{Relative(root, file)}: `{target}` points outside the repository");
                }
                else if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    problems.Add($"{Relative(root, file)}: `{target}` does not exist");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void NoTrackedText_NamesTheSharedResearchFolder()
    {
        var root = RepositoryRoot();
        var offenders = Files(root)
            .Where(f => TextExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => SharedFolder().IsMatch(File.ReadAllText(f)))
            .Select(f => Relative(root, f))
            .ToList();

        Assert.True(offenders.Count == 0, "these files point into the shared folder beside the repository, which users of the repository do not have:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void NoComment_CitesThePrivateResearchNotes()
    {
        var root = RepositoryRoot();
        var offenders = Files(root)
            .Where(f => TextExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => ResearchCitation().IsMatch(l.Text))
            .Select(l => $"{Relative(root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "cite the public source (vendor docs, HA developer docs, a spec, a repository) instead:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void LinkTargets_FindsInlineReferenceAndHtmlLinks()
    {
        const string Markdown = """
            See [the note](../notes/x.md) and [bench](bench/README.md#runtime "title").
            ![chart](img/chart.png)
            [ref]: ../../outside.md
            <a href="docs/a.md">a</a>
            """;

        Assert.Equal(["../notes/x.md", "bench/README.md#runtime", "img/chart.png", "../../outside.md", "docs/a.md"], LinkTargets(Markdown));
    }

    private static List<string> LinkTargets(string markdown) =>
        [.. LinkTarget().Matches(markdown).Select(m => m.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value)];

    private static IEnumerable<string> Files(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var directory))
        {
            foreach (var sub in Directory.EnumerateDirectories(directory))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.Ordinal))
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(directory))
            {
                yield return file;
            }
        }
    }

    // The build output is under the repository unless POH_ARTIFACTS moved it; then this source file's own path tells.
    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? string.Empty })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ProofOfHeat.slnx")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No ProofOfHeat.slnx above {AppContext.BaseDirectory} or {sourceFile}");
    }

    private static bool IsInside(string root, string path) =>
        path.Equals(root, StringComparison.Ordinal) || path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path);

    // Inline [text](target "title") and images, reference definitions "[x]: target", and HTML href/src.
    [GeneratedRegex("""(?:href|src)="([^"]+)"|\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)""", RegexOptions.Multiline)]
    private static partial Regex LinkTarget();

    // The private notes' citation forms: the word "research" followed by " note", "/" or " §".
    // Written with character classes so that this file does not match itself.
    [GeneratedRegex(@"[Rr]esearch( note|[/]| §)", RegexOptions.CultureInvariant)]
    private static partial Regex ResearchCitation();

    // Written with [/] so that this file does not match itself.
    [GeneratedRegex(@"\.\./shared[/]|shared[/]research", RegexOptions.CultureInvariant)]
    private static partial Regex SharedFolder();
}

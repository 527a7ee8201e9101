using System.Globalization;

namespace ProofOfHeat.Bench.Rss;

/// <summary>
/// Where a process's resident memory is, summed from <c>/proc/PID/smaps</c> by kind of mapping: anonymous memory
/// (the GC heap, JIT'd code, the runtime's own data and thread stacks live there), managed assemblies mapped from
/// their .dll files, native libraries (.so: the runtime, SQLite, ICU is off), the native malloc heap, and the rest.
/// </summary>
/// <param name="Kb">Rss in kB per kind, largest first.</param>
/// <param name="LargestFiles">The file mappings with the most resident memory.</param>
internal sealed record SmapsBreakdown(IReadOnlyList<(string Kind, long Kb)> Kb, IReadOnlyList<(string File, long Kb)> LargestFiles)
{
    /// <summary>
    /// Pss per kind: a shared page counts divided by the processes mapping it. Framework files stay in the page cache
    /// and are mapped by every .NET process on the machine, so their Rss overstates what this process alone costs.
    /// </summary>
    public IReadOnlyDictionary<string, long> PssKb { get; init; } = new Dictionary<string, long>();

    /// <summary>Private_Clean + Private_Dirty per kind: pages no other process maps.</summary>
    public IReadOnlyDictionary<string, long> PrivateKb { get; init; } = new Dictionary<string, long>();

    public long TotalKb => Kb.Sum(k => k.Kb);

    /// <summary>Reads <c>/proc/<paramref name="pid"/>/smaps</c>; null when it cannot be read.</summary>
    public static SmapsBreakdown? Read(int pid)
    {
        var path = $"/proc/{pid}/smaps";
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var byKind = new Dictionary<string, long>(StringComparer.Ordinal);
        var byFile = new Dictionary<string, long>(StringComparer.Ordinal);
        var pss = new Dictionary<string, long>(StringComparer.Ordinal);
        var privately = new Dictionary<string, long>(StringComparer.Ordinal);
        string? mapping = null;
        foreach (var line in lines)
        {
            if (IsHeader(line))
            {
                // "start-end perms offset dev inode [pathname]": the pathname is the 6th field, if any.
                var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                mapping = fields.Length == 6 ? fields[5].Trim() : string.Empty;
                continue;
            }

            if (mapping is not null && (line.StartsWith("Pss:", StringComparison.Ordinal) || line.StartsWith("Private_", StringComparison.Ordinal)))
            {
                var sum = line.StartsWith("Pss:", StringComparison.Ordinal) ? pss : privately;
                sum[KindOf(mapping)] = sum.GetValueOrDefault(KindOf(mapping)) + long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                continue;
            }

            if (mapping is not null && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                var kind = KindOf(mapping);
                byKind[kind] = byKind.GetValueOrDefault(kind) + kb;
                if (mapping.StartsWith('/'))
                {
                    byFile[Path.GetFileName(mapping)] = byFile.GetValueOrDefault(Path.GetFileName(mapping)) + kb;
                }
            }
        }

        return new SmapsBreakdown(
            [.. byKind.OrderByDescending(k => k.Value).Select(k => (k.Key, k.Value))],
            [.. byFile.OrderByDescending(f => f.Value).Take(12).Select(f => (f.Key, f.Value))])
        {
            PssKb = pss,
            PrivateKb = privately,
        };
    }

    private static string KindOf(string mapping) => mapping switch
    {
        "" => "anonymous (GC heap, JIT code, runtime data)",
        "[heap]" => "native malloc heap",
        "[stack]" => "main thread stack",
        _ when mapping.StartsWith("[anon", StringComparison.Ordinal) => "anonymous (GC heap, JIT code, runtime data)",
        _ when mapping.EndsWith(".dll", StringComparison.Ordinal) => "managed assemblies (.dll, mapped)",
        _ when mapping.Contains(".so", StringComparison.Ordinal) => "native libraries (.so)",
        _ when mapping.StartsWith("/memfd:", StringComparison.Ordinal) || mapping.StartsWith("/dev/shm", StringComparison.Ordinal) => "runtime double-mapped code (memfd)",
        _ when mapping.StartsWith('[') => "kernel ([vdso], [vvar] …)",
        _ => "other files",
    };

    // A header line starts with the address range "hex-hex"; field lines start with "Name:".
    private static bool IsHeader(string line)
    {
        var dash = line.IndexOf('-', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return dash > 0 && space > dash && line[..dash].All(Uri.IsHexDigit);
    }
}

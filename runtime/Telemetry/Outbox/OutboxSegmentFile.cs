using System.Globalization;

namespace ProofOfHeat.Telemetry.Outbox;

/// <summary>Segment files: <c>{number:D12}.ilp</c>, line-protocol lines each ending with a line feed.</summary>
internal static class OutboxSegmentFile
{
    private const string Extension = ".ilp";

    public static string PathFor(string directory, long number) =>
        Path.Combine(directory, number.ToString("D12", CultureInfo.InvariantCulture) + Extension);

    /// <summary>The segments present, oldest first.</summary>
    public static List<long> List(string directory)
    {
        var numbers = new List<long>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                numbers.Add(number);
            }
        }

        numbers.Sort();
        return numbers;
    }

    /// <summary>
    /// Cuts a torn last line (a write the kill or power loss interrupted: no line feed at the end) and returns the
    /// length kept. Such a line was never acknowledged as recorded, so nothing recorded is lost.
    /// </summary>
    public static long TruncateTornTail(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var length = stream.Length;
        var buffer = new byte[4096];
        var end = length;
        while (end > 0)
        {
            var chunk = (int)Math.Min(buffer.Length, end);
            stream.Position = end - chunk;
            stream.ReadExactly(buffer, 0, chunk);
            var lastFeed = buffer.AsSpan(0, chunk).LastIndexOf((byte)'\n');
            if (lastFeed >= 0)
            {
                end = end - chunk + lastFeed + 1;
                break;
            }

            end -= chunk;
        }

        if (end != length)
        {
            stream.SetLength(end);
            stream.Flush(flushToDisk: true);
        }

        return end;
    }

    /// <summary>Counts the lines between <paramref name="from"/> and the end of the file.</summary>
    public static long CountLines(string path, long from)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Position = from;
        var buffer = new byte[64 * 1024];
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }
}

using System.Globalization;
using System.Text;

namespace ProofOfHeat.Telemetry.Outbox;

/// <summary>
/// One sink's cursor on disk: <c>cursors/{sink}.cursor</c> holding "segment offset". Saved by writing a temporary
/// file, flushing it to the disk and renaming it over the old one, so a kill leaves either the old or the new cursor.
/// </summary>
internal static class OutboxCursorFile
{
    public static string PathFor(string directory, string sinkName) =>
        Path.Combine(directory, "cursors", sinkName + ".cursor");

    public static OutboxPosition? Load(string directory, string sinkName)
    {
        var path = PathFor(directory, sinkName);
        if (!File.Exists(path))
        {
            return null;
        }

        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var segment)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? new OutboxPosition(segment, offset)
            : null;
    }

    public static void Save(string directory, string sinkName, OutboxPosition position)
    {
        var path = PathFor(directory, sinkName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        var bytes = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{position.Segment} {position.Offset}\n"));
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}

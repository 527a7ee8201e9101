using System.Globalization;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Api;

/// <summary>
/// <c>GET /api/audit?since=…&amp;limit=…</c> without HTTP types: <c>since</c> is an ISO 8601 time
/// (<c>2026-12-07T10:00:00Z</c>) or an age (<c>7d</c>, <c>12h</c>, <c>30m</c>; default <c>1d</c>), <c>limit</c> 1 to
/// <see cref="MaxLimit"/> (default <see cref="DefaultLimit"/>). Entries come newest first.
/// </summary>
internal static class AuditQuery
{
    /// <summary>Entries answered when no limit is given.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Entries answered at most.</summary>
    public const int MaxLimit = 1000;

    private static readonly TimeSpan DefaultAge = TimeSpan.FromDays(1);

    /// <summary>The answer's status and body for the query's raw values, read through <paramref name="read"/> at <paramref name="now"/>.</summary>
    public static (int Status, object Body) Answer(string? since, string? limit, Func<DateTimeOffset, int, IReadOnlyList<AuditEntry>> read, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!TryParseSince(since, now, out var from))
        {
            return (400, new ApiError("since must be an ISO 8601 time (2026-12-07T10:00:00Z) or an age such as 7d, 12h or 30m"));
        }

        var count = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            return (400, new ApiError($"limit must be a whole number from 1 to {MaxLimit}"));
        }

        var entries = read(from, count);
        return (200, new
        {
            since = from,
            count = entries.Count,
            entries = entries.Select(e => new
            {
                at = e.At,
                who = e.Actor,
                what = e.Action,
                target = e.Target,
                why = e.Reason,
                correlationId = e.CorrelationId,
                result = e.Result,
                detail = e.Detail,
            }),
        });
    }

    /// <summary>Reads <c>since</c>: an ISO 8601 time with its offset, or an age back from <paramref name="now"/>.</summary>
    public static bool TryParseSince(string? text, DateTimeOffset now, out DateTimeOffset since)
    {
        since = now - DefaultAge;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length <= 64 && DurationParser.TryParse(text, out var age) && age >= TimeSpan.Zero)
        {
            since = age > now - DateTimeOffset.MinValue ? DateTimeOffset.MinValue : now - age;
            return true;
        }

        return text.Length <= 64
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out since);
    }
}

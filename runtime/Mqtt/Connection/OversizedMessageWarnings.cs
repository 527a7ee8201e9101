using Microsoft.Extensions.Logging;
using ProofOfHeat.Mqtt.Diagnostics;

namespace ProofOfHeat.Mqtt.Connection;

/// <summary>
/// Logs one warning per topic for messages skipped as too large; repeats are debug lines. A broker resends a retained
/// message on every subscribe and reconnect, so without this the same warning would recur for as long as it is retained.
/// Only the dispatch loop calls it, so it needs no lock.
/// </summary>
internal sealed class OversizedMessageWarnings
{
    /// <summary>A topic can be 65,535 bytes; a log line only needs enough to recognise it.</summary>
    internal const int MaxLoggedTopicLength = 200;

    /// <summary>Caps the memory of topics warned about; past it every oversized message warns again (still one line each).</summary>
    private const int MaxRememberedTopics = 1024;

    private readonly HashSet<string> _warnedTopics = new(StringComparer.Ordinal);
    private readonly ILogger _logger;
    private readonly int _limit;

    public OversizedMessageWarnings(ILogger logger, int limit)
    {
        _logger = logger;
        _limit = limit;
    }

    public void Report(string topic, long size)
    {
        var shown = topic.Length <= MaxLoggedTopicLength ? topic : string.Concat(topic.AsSpan(0, MaxLoggedTopicLength), "…");
        if (_warnedTopics.Contains(shown))
        {
            _logger.OversizedMessageSkippedAgain(size, shown);
            return;
        }

        if (_warnedTopics.Count < MaxRememberedTopics)
        {
            _warnedTopics.Add(shown);
        }

        _logger.OversizedMessageSkipped(size, shown, _limit);
    }
}

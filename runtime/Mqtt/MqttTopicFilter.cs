namespace ProofOfHeat.Mqtt;

/// <summary>Topic filter matching as MQTT 3.1.1 §4.7 defines it.</summary>
public static class MqttTopicFilter
{
    /// <summary>
    /// Whether <paramref name="topic"/> matches <paramref name="filter"/>: '+' matches exactly one level (which may be
    /// empty), a final '#' matches the parent level and any number of child levels, and topics starting with '$' are
    /// not matched by a filter starting with a wildcard.
    /// </summary>
    public static bool IsMatch(string filter, string topic)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(topic);
        return IsMatch(filter.AsSpan(), topic.AsSpan());
    }

    /// <inheritdoc cref="IsMatch(string, string)"/>
    public static bool IsMatch(ReadOnlySpan<char> filter, ReadOnlySpan<char> topic)
    {
        if (filter.IsEmpty || topic.IsEmpty)
        {
            return false;
        }

        if (topic[0] == '$' && filter[0] is '+' or '#')
        {
            return false;
        }

        while (true)
        {
            var filterEnd = filter.IndexOf('/');
            var filterLevel = filterEnd < 0 ? filter : filter[..filterEnd];
            if (filterLevel is "#")
            {
                return true;
            }

            var topicEnd = topic.IndexOf('/');
            var topicLevel = topicEnd < 0 ? topic : topic[..topicEnd];
            if (filterLevel is not "+" && !filterLevel.SequenceEqual(topicLevel))
            {
                return false;
            }

            if (filterEnd < 0)
            {
                return topicEnd < 0;
            }

            if (topicEnd < 0)
            {
                // The topic ended; "sport/#" still matches "sport".
                return filter[(filterEnd + 1)..] is "#";
            }

            filter = filter[(filterEnd + 1)..];
            topic = topic[(topicEnd + 1)..];
        }
    }
}

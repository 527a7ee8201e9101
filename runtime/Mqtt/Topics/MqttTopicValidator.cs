using System.Text;

namespace ProofOfHeat.Mqtt.Topics;

/// <summary>
/// The topic rules of MQTT 3.1.1 §4.7 and §1.5.3: at least one character, at most 65535 UTF-8 bytes, no U+0000,
/// well-formed UTF-16 (no lone surrogates); topic names carry no wildcards; in filters '+' fills a whole level and
/// '#' is alone in the last level. Empty levels ("a//b", "/a") are allowed.
/// </summary>
internal static class MqttTopicValidator
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="topic"/> is not a valid topic name.</summary>
    public static void ValidateTopicName(string topic, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(topic, parameterName);
        if (DescribeTopicNameProblem(topic) is { } problem)
        {
            throw new ArgumentException(problem, parameterName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="filter"/> is not a valid topic filter.</summary>
    public static void ValidateTopicFilter(string filter, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(filter, parameterName);
        if (DescribeTopicFilterProblem(filter) is { } problem)
        {
            throw new ArgumentException(problem, parameterName);
        }
    }

    /// <summary>Why <paramref name="topic"/> is not a valid topic name, or null when it is.</summary>
    public static string? DescribeTopicNameProblem(string topic)
    {
        if (DescribeStringProblem(topic) is { } problem)
        {
            return problem;
        }

        return topic.AsSpan().IndexOfAny('+', '#') >= 0
            ? $"Topic name '{topic}' contains a wildcard ('+' or '#'), which is only allowed in topic filters."
            : null;
    }

    /// <summary>Why <paramref name="filter"/> is not a valid topic filter, or null when it is.</summary>
    public static string? DescribeTopicFilterProblem(string filter)
    {
        if (DescribeStringProblem(filter) is { } problem)
        {
            return problem;
        }

        var levelStart = 0;
        for (var i = 0; i <= filter.Length; i++)
        {
            if (i < filter.Length && filter[i] != '/')
            {
                continue;
            }

            var level = filter.AsSpan(levelStart, i - levelStart);
            if (level.Contains('#') && (level.Length != 1 || i != filter.Length))
            {
                return $"Topic filter '{filter}': '#' must be the whole last level.";
            }

            if (level.Contains('+') && level.Length != 1)
            {
                return $"Topic filter '{filter}': '+' must fill a whole level.";
            }

            levelStart = i + 1;
        }

        return null;
    }

    private static string? DescribeStringProblem(string value)
    {
        if (value.Length == 0)
        {
            return "Topic names and filters must be at least one character long.";
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return "Topic names and filters must not contain U+0000.";
        }

        int byteCount;
        try
        {
            byteCount = StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            return "Topic names and filters must be well-formed Unicode (a lone surrogate was found).";
        }

        return byteCount > ushort.MaxValue ? $"Topic is {byteCount} UTF-8 bytes; the limit is 65535." : null;
    }
}

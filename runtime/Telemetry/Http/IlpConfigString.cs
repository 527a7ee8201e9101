using System.Globalization;
using System.Text;

namespace ProofOfHeat.Telemetry.Http;

/// <summary>
/// The official QuestDB clients' configuration string, <c>http::addr=host:9000;username=…;password=…;auto_flush_rows=…;</c>:
/// <c>schema::key=value;…</c>, keys case-sensitive snake_case, a literal <c>;</c> in a value written <c>;;</c>, the
/// trailing <c>;</c> optional (QuestDB documentation connect/clients/connect-string.md; questdb/net-questdb-client Senders/HttpSender.cs).
/// Only the HTTP transports are ours (<c>http</c>, <c>https</c>). Retries never give up here (the outbox keeps the
/// points), so <c>retry_timeout</c> is accepted and has no effect.
/// </summary>
public static class IlpConfigString
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming the wrong part.</summary>
    public static IlpHttpOptions Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var separator = text.IndexOf("::", StringComparison.Ordinal);
        if (separator < 0)
        {
            throw new FormatException("expected 'http::addr=host:port;…'");
        }

        var schema = text[..separator];
        if (schema is not ("http" or "https"))
        {
            throw new FormatException($"schema '{schema}' is not supported (http or https)");
        }

        var values = ReadPairs(text[(separator + 2)..]);
        if (!values.TryGetValue("addr", out var address) || address.Length == 0)
        {
            throw new FormatException("'addr' is required");
        }

        var options = new IlpHttpOptions { Address = new Uri($"{schema}://{address}/") };
        foreach (var (key, value) in values)
        {
            options = key switch
            {
                "addr" or "retry_timeout" or "auto_flush" => options,
                "username" => options with { Username = value },
                "password" => options with { Password = value },
                "auto_flush_rows" => options with { AutoFlushRows = PositiveInt(key, value) },
                "auto_flush_interval" => options with { AutoFlushInterval = TimeSpan.FromMilliseconds(PositiveInt(key, value)) },
                "request_timeout" => options with { RequestTimeout = TimeSpan.FromMilliseconds(PositiveInt(key, value)) },
                // Text ILP only: version 2 and up encode doubles in binary (questdb/net-questdb-client Senders/HttpSender.cs).
                "protocol_version" when value == "1" => options,
                _ => throw new FormatException($"'{key}={value}' is not supported"),
            };
        }

        return options;
    }

    private static Dictionary<string, string> ReadPairs(string body)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        for (var i = 0; i <= body.Length; i++)
        {
            if (i < body.Length && body[i] == ';' && i + 1 < body.Length && body[i + 1] == ';')
            {
                current.Append(';');
                i++;
                continue;
            }

            if (i == body.Length || body[i] == ';')
            {
                AddPair(pairs, current.ToString());
                current.Clear();
                continue;
            }

            current.Append(body[i]);
        }

        return pairs;
    }

    private static void AddPair(Dictionary<string, string> pairs, string pair)
    {
        if (pair.Length == 0)
        {
            return;
        }

        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new FormatException($"'{pair}' is not key=value");
        }

        pairs[pair[..equals]] = pair[(equals + 1)..];
    }

    private static int PositiveInt(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new FormatException($"'{key}' must be a positive whole number, not '{value}'");
}

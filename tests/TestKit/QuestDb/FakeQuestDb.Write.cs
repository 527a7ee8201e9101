using System.Text.RegularExpressions;

namespace ProofOfHeat.TestKit.QuestDb;

/// <summary>The write and DDL endpoints.</summary>
public sealed partial class FakeQuestDb
{
    private static readonly string[] Precisions = ["n", "ns", "u", "us", "ms", "s", "m", "h"];

    private FakeHttpResponse ServeWrite(FakeHttpRequest request)
    {
        var body = request.Body;
        lock (_gate)
        {
            WriteRequests++;
            _receivedBodies.Add(body);
        }

        if (IsDown)
        {
            return FakeHttpResponse.Drop;
        }

        var precision = request.Query["precision"] ?? "n";
        if (!Precisions.Contains(precision))
        {
            BadRequests++;
            return new FakeHttpResponse(400, Error("invalid", "unsupported precision", null));
        }

        var hasFault = _faults.TryDequeue(out var fault);
        if (hasFault)
        {
            switch (fault)
            {
                case FakeQuestDbFault.ServerError:
                    return new FakeHttpResponse(500, Error("internal error", "commit error for table: simulated", null));
                case FakeQuestDbFault.Unavailable:
                    return new FakeHttpResponse(503, null);
                case FakeQuestDbFault.DropBeforeCommit:
                    return FakeHttpResponse.Drop;
            }
        }

        var error = Commit(body);
        if (error is not null)
        {
            BadRequests++;
            return new FakeHttpResponse(400, Error("invalid", $"failed to parse line protocol:errors encountered on line(s):\nerror in line {error.Value.Line}: {error.Value.Reason}", error.Value.Line));
        }

        if (hasFault && fault == FakeQuestDbFault.DropAfterCommit)
        {
            return FakeHttpResponse.Drop;
        }

        return new FakeHttpResponse(204, null);
    }

    /// <summary>Parses every line, checks types, and commits all or nothing (QuestDB docs connect/compatibility/ilp/overview.md).</summary>
    private (int Line, string Reason)? Commit(string body)
    {
        var lines = body.Split('\n');
        var parsed = new List<FakeQuestDbLine>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            try
            {
                parsed.Add(FakeQuestDbLine.Parse(lines[i]));
            }
            catch (FormatException error)
            {
                return (i + 1, error.Message);
            }
        }

        lock (_gate)
        {
            var pending = new Dictionary<string, Dictionary<string, FakeQuestDbColumnType>>(StringComparer.Ordinal);
            var lineNumber = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length == 0)
                {
                    continue;
                }

                var line = parsed[lineNumber++];
                var table = _tables.GetValueOrDefault(line.Table) ?? new FakeQuestDbTable(line.Table, null);
                var columns = pending.TryGetValue(line.Table, out var known) ? known : pending[line.Table] = new(StringComparer.Ordinal);
                if (table.Conflict(line, columns) is { } reason)
                {
                    return (i + 1, reason);
                }
            }

            foreach (var line in parsed)
            {
                if (!_tables.TryGetValue(line.Table, out var table))
                {
                    table = _tables[line.Table] = new FakeQuestDbTable(line.Table, null);
                }

                table.Insert(line, line.TimestampNanoseconds ?? ServerNanoseconds());
            }
        }

        return null;
    }

    private long _serverClock = 1;

    private long ServerNanoseconds() => _serverClock++;

    private FakeHttpResponse ServeExec(FakeHttpRequest request)
    {
        if (IsDown)
        {
            return FakeHttpResponse.Drop;
        }

        var query = request.Query["query"] ?? string.Empty;
        var match = CreateTable().Match(query);
        if (!match.Success)
        {
            return new FakeHttpResponse(400, $"{{\"query\":{System.Text.Json.JsonSerializer.Serialize(query)},\"error\":\"unsupported statement\",\"position\":0}}");
        }

        var name = match.Groups["table"].Value;
        var designated = match.Groups["ts"].Value.Trim('"');
        var keys = match.Groups["keys"].Success
            ? match.Groups["keys"].Value.Split(',').Select(k => k.Trim().Trim('"')).ToList()
            : null;
        if (keys is not null && !keys.Contains(designated))
        {
            // QuestDB: the designated timestamp must be one of the upsert keys (concepts/deduplication.md).
            return new FakeHttpResponse(400, "{\"error\":\"deduplicate key list must include dedicated timestamp column\",\"position\":0}");
        }

        lock (_gate)
        {
            if (!_tables.ContainsKey(name))
            {
                var table = new FakeQuestDbTable(name, keys);
                foreach (Match column in ColumnDefinition().Matches(match.Groups["columns"].Value))
                {
                    table.Columns[column.Groups["name"].Value.Trim('"')] = column.Groups["type"].Value.ToUpperInvariant() switch
                    {
                        "SYMBOL" => FakeQuestDbColumnType.Symbol,
                        "DOUBLE" => FakeQuestDbColumnType.Double,
                        "LONG" => FakeQuestDbColumnType.Long,
                        "BOOLEAN" => FakeQuestDbColumnType.Boolean,
                        "VARCHAR" => FakeQuestDbColumnType.Varchar,
                        _ => FakeQuestDbColumnType.Timestamp,
                    };
                }

                _tables[name] = table;
            }
        }

        return new FakeHttpResponse(200, "{\"ddl\":\"OK\"}");
    }

    [GeneratedRegex("""^CREATE TABLE IF NOT EXISTS "(?<table>[^"]+)" \((?<columns>.*)\) TIMESTAMP\((?<ts>[^)]+)\) PARTITION BY \w+ WAL(?: DEDUP UPSERT KEYS\((?<keys>[^)]*)\))?;?$""", RegexOptions.Singleline)]
    private static partial Regex CreateTable();

    [GeneratedRegex("""(?<name>"[^"]+"|\w+) (?<type>SYMBOL|DOUBLE|LONG|BOOLEAN|VARCHAR|TIMESTAMP)""")]
    private static partial Regex ColumnDefinition();
}

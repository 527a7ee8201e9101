namespace ProofOfHeat.Bench.Heating.Scenarios;

/// <summary>A scenario file has bad content; the message names the file, the line and what to fix.</summary>
public sealed class ScenarioFormatException : Exception
{
    public ScenarioFormatException()
    {
    }

    public ScenarioFormatException(string message)
        : base(message)
    {
    }

    public ScenarioFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ScenarioFormatException(string file, long line, string message)
        : base($"{file}:{line}: {message}")
    {
        File = file;
        Line = line;
    }

    public string? File { get; }

    public long Line { get; }
}

namespace ProofOfHeat.Host.Configuration;

/// <summary>How log lines are written.</summary>
internal enum LogFormat
{
    /// <summary>One JSON object per line, for machines (log shippers).</summary>
    Json,

    /// <summary>One readable line per entry, for people (the add-on log tab, a terminal); the default.</summary>
    Console,
}

namespace ProofOfHeat.Host.Configuration;

/// <summary>How log lines are written.</summary>
internal enum LogFormat
{
    /// <summary>One JSON object per line, for machines (the add-on log, log shippers).</summary>
    Json,

    /// <summary>Plain text, for people at a terminal.</summary>
    Console,
}

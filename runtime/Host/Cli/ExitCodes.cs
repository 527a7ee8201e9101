namespace ProofOfHeat.Host.Cli;

/// <summary>The process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Done, no problem.</summary>
    public const int Ok = 0;

    /// <summary>It ran but failed (store locked, port taken …).</summary>
    public const int Failure = 1;

    /// <summary>The command line or the configuration is wrong; nothing was started.</summary>
    public const int Usage = 2;
}

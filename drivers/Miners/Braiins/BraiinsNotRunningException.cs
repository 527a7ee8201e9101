namespace ProofOfHeat.Drivers.Miners.Braiins;

/// <summary>The REST API answers 412: the system is up but bosminer is not running (it is starting or restarting).</summary>
internal sealed class BraiinsNotRunningException(string message) : MinerException(message);

namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>
/// A strategy that reads <see cref="StrategyObservation.WindowOpen"/>: the runner also asks it to decide when a contact
/// changes, between its scheduled decisions. Strategies without it are called on their schedule only, unchanged.
/// </summary>
public interface IReadsWindowContacts;

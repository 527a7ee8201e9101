namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>
/// Builds commanders for sources the heating app cannot drive through HA services itself (kind <c>fleet</c>).
/// Register one in DI; the app asks every registered factory in turn.
/// </summary>
public interface IHeatSourceCommanderFactory
{
    /// <summary>A commander for <paramref name="source"/>, or null when this factory does not drive it.</summary>
    IHeatSourceCommander? TryCreate(HeatSourceOptions source);
}

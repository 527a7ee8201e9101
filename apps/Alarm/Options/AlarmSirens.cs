namespace ProofOfHeat.Apps.Alarm.Options;

/// <summary>The HA domains a siren may be and the services that sound and silence it.</summary>
public static class AlarmSirens
{
    private static readonly HashSet<string> Domains = new(StringComparer.Ordinal) { "siren", "switch", "light", "input_boolean" };

    /// <summary>The domain of <paramref name="entityId"/> when it can be a siren (each has turn_on and turn_off), else null.</summary>
    public static string? SirenDomain(string entityId)
    {
        var dot = entityId?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0 && dot < entityId!.Length - 1 && Domains.Contains(entityId[..dot]) ? entityId[..dot] : null;
    }
}

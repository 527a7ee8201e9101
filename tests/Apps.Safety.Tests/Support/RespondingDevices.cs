using ProofOfHeat.AppModel.Services;
using ProofOfHeat.TestKit.AppModel;

namespace ProofOfHeat.Apps.Safety.Tests.Support;

/// <summary>
/// Makes the fake home's entities answer service calls as devices do: the state follows the command (HA's documented
/// states per domain). Entities listed in <see cref="Deaf"/> take the call and never change.
/// </summary>
internal sealed class RespondingDevices
{
    private readonly FakeHaContext _ha;

    public RespondingDevices(FakeHaContext ha)
    {
        _ha = ha;
        ha.FailWith = Respond;
    }

    public HashSet<string> Deaf { get; } = new(StringComparer.Ordinal);

    /// <summary>Entities whose calls fail (HA away, say) with this exception.</summary>
    public Dictionary<string, Exception> Failing { get; } = new(StringComparer.Ordinal);

    private Exception? Respond(ServiceCall call)
    {
        var id = call.Target!.EntityIds![0];
        if (Failing.TryGetValue(id, out var failure))
        {
            return failure;
        }

        if (Deaf.Contains(id))
        {
            return null;
        }

        var state = call.Service switch
        {
            "close_valve" => "closed",
            "open_valve" => "open",
            "unlock" => "unlocked",
            "set_hvac_mode" => "heat",
            "turn_off" => "off",
            _ => "on",
        };
        _ha.SetState(id, state);
        return null;
    }
}

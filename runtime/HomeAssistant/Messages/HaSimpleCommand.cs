namespace ProofOfHeat.HomeAssistant.Messages;

/// <summary>A command with no fields besides id and type (get_config, get_states, get_services, ping).</summary>
internal sealed record HaSimpleCommand(string Type) : HaCommand(Type)
{
    public static readonly HaSimpleCommand GetConfig = new("get_config");
    public static readonly HaSimpleCommand GetStates = new("get_states");
    public static readonly HaSimpleCommand GetServices = new("get_services");
    public static readonly HaSimpleCommand Ping = new("ping");
}

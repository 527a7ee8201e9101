namespace ProofOfHeat.HomeAssistant.Messages;

/// <summary><c>call_service</c>; <paramref name="ServiceData"/> is serialised with System.Text.Json.</summary>
internal sealed record HaCallServiceCommand(
    string Domain,
    string Service,
    HaTarget? Target,
    object? ServiceData,
    bool ReturnResponse) : HaCommand("call_service");

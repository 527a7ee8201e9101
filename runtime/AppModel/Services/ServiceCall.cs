namespace ProofOfHeat.AppModel.Services;

/// <summary>A service call as an app asks for it.</summary>
/// <param name="Domain">The service domain, e.g. <c>valve</c>.</param>
/// <param name="Service">The service, e.g. <c>close_valve</c>.</param>
/// <param name="Target">What it acts on.</param>
/// <param name="Data">Service data, or <see langword="null"/>: a dictionary or <c>JsonElement</c> is sent as given, a record's or
/// anonymous object's properties as snake_case fields (<c>HvacMode</c> → <c>hvac_mode</c>), see <see cref="ServiceData"/>.</param>
/// <param name="ReturnResponse">Whether the caller wants the service's response data.</param>
public sealed record ServiceCall(string Domain, string Service, ServiceTarget? Target, object? Data, bool ReturnResponse = false);

namespace ProofOfHeat.Host.Api.Http;

/// <summary>Answers one parsed request (the API's dispatcher, <see cref="BrainApi.HandleAsync"/>).</summary>
internal delegate Task<ApiResult> ApiRequestHandler(ApiRequest request, CancellationToken cancellationToken);

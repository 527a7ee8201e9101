namespace ProofOfHeat.Host.Page;

/// <summary>One embedded file of the page.</summary>
/// <param name="Name">Its file name, as <c>/ui/NAME</c> serves it.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Body">Its bytes.</param>
internal sealed record PageAsset(string Name, string ContentType, ReadOnlyMemory<byte> Body);

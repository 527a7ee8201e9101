namespace ProofOfHeat.Notify.Texts;

/// <summary>An alert's texts for one language, plain (the channel escapes them for its parse mode).</summary>
/// <param name="Title">The title.</param>
/// <param name="Message">The message.</param>
public sealed record RenderedAlert(string Title, string Message);

namespace ProofOfHeat.Host.Miners;

/// <summary>A plugin named in the config could not be loaded; the message says which, where and what to do.</summary>
internal sealed class PluginLoadException(string message, Exception? innerException = null) : Exception(message, innerException);

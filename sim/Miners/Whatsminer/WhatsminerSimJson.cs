using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProofOfHeat.Sim.Miners.Whatsminer;

/// <summary>btminer writes characters as they are (<c>'</c>, <c>+</c>, <c>/</c>), not as <c>\u0027</c> escapes.</summary>
internal static class WhatsminerSimJson
{
    /// <summary>Options for every reply the simulator writes.</summary>
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

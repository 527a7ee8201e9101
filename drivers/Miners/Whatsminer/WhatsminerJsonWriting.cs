using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProofOfHeat.Drivers.Miners.Whatsminer;

/// <summary>How requests are written: Base64 tokens keep their <c>+</c> and <c>/</c> as the firmware compares text, not JSON values.</summary>
internal static class WhatsminerJsonWriting
{
    /// <summary>Options that write characters as they are (no <c>\u002B</c> escapes).</summary>
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

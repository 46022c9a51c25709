// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Patterning;

/// <summary>A syntax or validation error in a STIX pattern, with its position.</summary>
/// <param name="Message">What is wrong, without the position (see <see cref="ToString"/> for the full text).</param>
/// <param name="Offset">The 0-based offset (in UTF-16 code units) where the problem starts.</param>
/// <param name="Length">The number of code units the problem covers (0 at the end of the pattern).</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column (in UTF-16 code units).</param>
/// <param name="Expected">For syntax errors, what the parser expected; otherwise null.</param>
/// <param name="Found">For syntax errors, what the parser found; otherwise null.</param>
public sealed record PatternError(string Message, int Offset, int Length, int Line, int Column, string? Expected = null, string? Found = null)
{
    /// <summary>The message with its position: <c>line L, column C: message</c>.</summary>
    public override string ToString() => $"line {Line}, column {Column}: {Message}";

    /// <summary>Creates an error, computing line and column from the pattern text.</summary>
    /// <param name="text">The pattern text.</param>
    /// <param name="offset">The offset.</param>
    /// <param name="length">The length.</param>
    /// <param name="message">The message.</param>
    /// <param name="expected">What was expected, if a syntax error.</param>
    /// <param name="found">What was found, if a syntax error.</param>
    internal static PatternError At(string text, int offset, int length, string message, string? expected = null, string? found = null)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new PatternError(message, offset, length, line, offset - lineStart + 1, expected, found);
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Json;

/// <summary>Input that is not well-formed JSON, or not STIX-shaped at the top level, with its location.</summary>
public sealed class StixFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file name (or <c>-</c> for standard input).</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column, in bytes.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="inner">The underlying parser error.</param>
    public StixFormatException(string source, long line, long column, string reason, Exception? inner = null)
        : base($"{source}:{line}:{column}: {reason}", inner)
    {
        Source = source;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>Creates the exception without a location.</summary>
    public StixFormatException()
        : this("(input)", 1, 1, "malformed input")
    {
    }

    /// <summary>Creates the exception without a location.</summary>
    /// <param name="message">The message.</param>
    public StixFormatException(string message)
        : this("(input)", 1, 1, message)
    {
    }

    /// <summary>Creates the exception without a location.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StixFormatException(string message, Exception innerException)
        : this("(input)", 1, 1, message, innerException)
    {
    }

    /// <summary>The file name, or <c>-</c> for standard input.</summary>
    public new string Source { get; }

    /// <summary>The 1-based line of the error.</summary>
    public long Line { get; }

    /// <summary>The 1-based column (byte offset in the line plus one).</summary>
    public long Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}

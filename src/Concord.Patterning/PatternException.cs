// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Patterning;

/// <summary>Thrown by <see cref="StixPattern.Parse(string)"/> when a pattern is not valid.</summary>
public sealed class PatternException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public PatternException()
        : this(new PatternError(PatternMessages.InvalidPattern, 0, 0, 1, 1))
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public PatternException(string message)
        : this(new PatternError(message, 0, 0, 1, 1))
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PatternException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new PatternError(message, 0, 0, 1, 1);
        Errors = [Error];
    }

    /// <summary>Creates the exception for an error.</summary>
    /// <param name="error">The error.</param>
    public PatternException(PatternError error)
        : this([error])
    {
    }

    /// <summary>Creates the exception for one or more errors.</summary>
    /// <param name="errors">The errors, first one first; not empty.</param>
    public PatternException(IReadOnlyList<PatternError> errors)
        : base(errors is [var first, ..] ? first.ToString() : PatternMessages.InvalidPattern)
    {
        Errors = errors.Count > 0 ? errors : [new PatternError(PatternMessages.InvalidPattern, 0, 0, 1, 1)];
        Error = Errors[0];
    }

    /// <summary>The first error.</summary>
    public PatternError Error { get; }

    /// <summary>All errors found.</summary>
    public IReadOnlyList<PatternError> Errors { get; }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Sharing;

/// <summary>What went wrong with a sharing-administration request, for the HTTP status and the CLI exit code.</summary>
public enum SharingErrorKind
{
    /// <summary>The request breaks a rule (a field is missing or malformed): HTTP 400, exit code 2.</summary>
    Invalid = 0,

    /// <summary>A named organization, working group, agreement or collection does not exist: HTTP 404, exit code 2.</summary>
    NotFound = 1,

    /// <summary>The request conflicts with the model (a name is taken, a group is in use): HTTP 409, exit code 2.</summary>
    Conflict = 2,
}

/// <summary>A sharing-administration request was refused; the message names the field or thing and the rule.</summary>
public sealed class SharingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SharingException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public SharingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SharingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What kind of failure it is.</param>
    /// <param name="message">The message, naming the field or thing and the rule.</param>
    public SharingException(SharingErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary>What kind of failure it is.</summary>
    public SharingErrorKind Kind { get; }
}

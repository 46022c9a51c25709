// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Sharing.Audit;

/// <summary>The audit log cannot be opened, read or written: the message names the file, the line and what is wrong.</summary>
public sealed class AuditLogException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AuditLogException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the file and line.</param>
    public AuditLogException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the file and line.</param>
    /// <param name="innerException">The cause.</param>
    public AuditLogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

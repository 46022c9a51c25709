// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Federation;

/// <summary>A federation failure, naming the peer and, when there is one, the collection or object concerned.</summary>
public sealed class FederationException : Exception
{
    /// <summary>Creates the exception; the message is prefixed with the peer and the subject.</summary>
    /// <param name="peer">The peer's name, or null when the failure concerns no single peer.</param>
    /// <param name="subject">The collection or object concerned, or null.</param>
    /// <param name="detail">What went wrong, naming the rule broken.</param>
    /// <param name="innerException">The cause, or null.</param>
    public FederationException(string? peer, string? subject, string detail, Exception? innerException = null)
        : base(Describe(peer, subject, detail), innerException)
    {
        Peer = peer;
        Subject = subject;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public FederationException()
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public FederationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FederationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The peer's name, or null.</summary>
    public string? Peer { get; }

    /// <summary>The collection or object concerned, or null.</summary>
    public string? Subject { get; }

    private static string Describe(string? peer, string? subject, string detail) =>
        (peer is null ? string.Empty : $"peer '{peer}'") + (subject is null ? string.Empty : $", {subject}") + (peer is null && subject is null ? detail : ": " + detail);
}

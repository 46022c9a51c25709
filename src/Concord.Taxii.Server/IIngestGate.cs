// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Taxii.Server;

/// <summary>
/// A check on TAXII POSTs (section 5.5) beyond validation, set with <see cref="TaxiiServerOptions.IngestGate"/>: federation
/// uses it so that a push from a peer node is signed, goes through the entry policy and leaves provenance, without the
/// server knowing about peers.
/// </summary>
/// <remarks>
/// Contract for implementers: <see cref="OpenAsync"/> runs once per POST, after authentication and authorisation and before
/// the body is parsed; it returns null for a caller it has nothing to say about (the POST proceeds unchanged), throws
/// <see cref="IngestRefusedException"/> to refuse the whole request, or returns a screen that decides each valid object.
/// Implementations are called concurrently for different requests and must be thread-safe.
/// </remarks>
public interface IIngestGate
{
    /// <summary>Admits or refuses one POST.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>The screen for the request's objects; null when the gate does not apply to this caller.</returns>
    /// <exception cref="IngestRefusedException">The request is refused whole (nothing of it is parsed or stored).</exception>
    Task<IIngestScreen?> OpenAsync(IngestRequest request, CancellationToken cancellationToken);
}

/// <summary>Decides, for one admitted POST, what is stored of each object that passed validation.</summary>
public interface IIngestScreen
{
    /// <summary>
    /// Decides each object; called once, just before the objects are stored, so an implementation may record what it
    /// accepts (write-ahead) before the store does.
    /// </summary>
    /// <param name="objects">The valid objects of the envelope, in order.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>One verdict per object, in the same order.</returns>
    Task<IReadOnlyList<IngestVerdict>> ScreenAsync(IReadOnlyList<JsonElement> objects, CancellationToken cancellationToken);
}

/// <summary>One POST as the gate sees it.</summary>
/// <param name="OrganizationId">The caller's organization.</param>
/// <param name="CollectionId">The target collection.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="RequestTarget">The path and query exactly as received.</param>
/// <param name="Signature">The <see cref="Signing.EnvelopeSignature.HeaderName"/> header, or null.</param>
/// <param name="Body">The body as received.</param>
public sealed record IngestRequest(Guid OrganizationId, Guid CollectionId, string Method, string RequestTarget, string? Signature, ReadOnlyMemory<byte> Body);

/// <summary>What is stored of one object: <see cref="Json"/> (as received or changed, e.g. redacted), or nothing, because of <see cref="Refusal"/>.</summary>
/// <param name="Json">The bytes to store; ignored when <see cref="Refusal"/> is set.</param>
/// <param name="Refusal">Why the object is refused, naming it and the rule; null when it is stored. Reported in the status resource.</param>
public readonly record struct IngestVerdict(ReadOnlyMemory<byte> Json, string? Refusal);

/// <summary>A POST refused whole by an <see cref="IIngestGate"/>; the server answers with <see cref="StatusCode"/> and the message.</summary>
public sealed class IngestRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">401 (a credential or signature is missing), 403 (it is present and wrong) or 503 (the gate cannot decide now; the client may retry).</param>
    /// <param name="message">Why, naming the check that failed; sent to the client.</param>
    public IngestRefusedException(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>Creates an exception (403).</summary>
    public IngestRefusedException()
        : this(403, "The request is refused.")
    {
    }

    /// <summary>Creates an exception (403).</summary>
    /// <param name="message">The message.</param>
    public IngestRefusedException(string message)
        : this(403, message)
    {
    }

    /// <summary>Creates an exception (403).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public IngestRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 403;
    }

    /// <summary>The HTTP status to answer with.</summary>
    public int StatusCode { get; }
}

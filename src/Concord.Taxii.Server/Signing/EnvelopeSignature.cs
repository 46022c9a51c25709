// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Buffers.Text;
using System.Text;
using NSec.Cryptography;

namespace Concord.Taxii.Server.Signing;

/// <summary>
/// The node's signature on the TAXII responses it serves (docs/federation.md): an Ed25519 signature carried in the
/// <c>X-Concord-Signature</c> header as <c>keyid=&lt;node identity id&gt;, alg=ed25519, sig=&lt;base64url&gt;</c>.
/// </summary>
/// <remarks>
/// <para>
/// The signed bytes are the exact response body, preceded by a context line and the lines a puller relies on besides the
/// body: <c>concord-taxii-signature-v1 LF request-target LF X-TAXII-Date-Added-First LF X-TAXII-Date-Added-Last LF body</c>.
/// The request target (path and query exactly as sent) binds a page to the collection and position it answers, so a
/// signed page cannot be replayed as the answer to another request; the date headers are where the puller resumes, so
/// they cannot be moved to skip content. The body is signed as received rather than in its RFC 8785 canonical form
/// because the verifier then checks the bytes before any parser reads them, and neither side pays for re-serialization.
/// </para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class EnvelopeSignature
{
    /// <summary>The response header carrying the signature.</summary>
    public const string HeaderName = "X-Concord-Signature";

    /// <summary>The only algorithm: Ed25519 (RFC 8032).</summary>
    public const string Algorithm = "ed25519";

    private static readonly byte[] Context = "concord-taxii-signature-v1\n"u8.ToArray();
    private static readonly byte[] RequestContext = "concord-taxii-request-signature-v1\n"u8.ToArray();

    /// <summary>Signs a response.</summary>
    /// <param name="key">The node's Ed25519 private key.</param>
    /// <param name="keyId">The node's STIX identity id, which names the key to the verifier.</param>
    /// <param name="requestTarget">The request's path and query, exactly as received.</param>
    /// <param name="dateAddedFirst">The <c>X-TAXII-Date-Added-First</c> header value, or null.</param>
    /// <param name="dateAddedLast">The <c>X-TAXII-Date-Added-Last</c> header value, or null.</param>
    /// <param name="body">The response body.</param>
    /// <returns>The header value.</returns>
    public static string Sign(Key key, string keyId, string requestTarget, string? dateAddedFirst, string? dateAddedLast, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        return Header(key, keyId, new Message(Context, requestTarget, dateAddedFirst, dateAddedLast), body);
    }

    /// <summary>
    /// Signs a request a node sends to a peer (a federation push, TAXII 2.1 section 5.5): the same header over
    /// <c>concord-taxii-request-signature-v1 LF method LF request-target LF body</c>, a distinct context so that a signed
    /// response can never pass for a signed request or the reverse.
    /// </summary>
    /// <param name="key">The node's Ed25519 private key.</param>
    /// <param name="keyId">The node's STIX identity id.</param>
    /// <param name="method">The HTTP method, e.g. <c>POST</c>.</param>
    /// <param name="requestTarget">The request's path and query, exactly as sent.</param>
    /// <param name="body">The request body.</param>
    /// <returns>The header value.</returns>
    public static string SignRequest(Key key, string keyId, string method, string requestTarget, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentException.ThrowIfNullOrEmpty(method);
        return Header(key, keyId, new Message(RequestContext, method, requestTarget, null), body);
    }

    /// <summary>Verifies a request's signature header (<see cref="SignRequest"/>).</summary>
    /// <param name="publicKey">The sending peer's Ed25519 public key.</param>
    /// <param name="header">The header value; null when the request had none.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="requestTarget">The request's path and query, exactly as received.</param>
    /// <param name="body">The request body.</param>
    /// <param name="failure">Which check failed; empty when the signature is good.</param>
    /// <returns>The signer's key id when the signature is good; otherwise null.</returns>
    public static string? VerifyRequest(PublicKey publicKey, string? header, string method, string requestTarget, ReadOnlySpan<byte> body, out string failure)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        return Check(publicKey, header, new Message(RequestContext, method, requestTarget, null), body, "request", out failure);
    }

    /// <summary>Verifies a response's signature header.</summary>
    /// <param name="publicKey">The peer's Ed25519 public key.</param>
    /// <param name="header">The header value; null when the response had none.</param>
    /// <param name="requestTarget">The request's path and query, exactly as sent.</param>
    /// <param name="dateAddedFirst">The <c>X-TAXII-Date-Added-First</c> header value, or null.</param>
    /// <param name="dateAddedLast">The <c>X-TAXII-Date-Added-Last</c> header value, or null.</param>
    /// <param name="body">The response body.</param>
    /// <param name="failure">Which check failed; empty when the signature is good.</param>
    /// <returns>The signer's key id when the signature is good; otherwise null, with <paramref name="failure"/> saying which check failed.</returns>
    public static string? Verify(PublicKey publicKey, string? header, string requestTarget, string? dateAddedFirst, string? dateAddedLast, ReadOnlySpan<byte> body, out string failure)
    {
        return Check(publicKey, header, new Message(Context, requestTarget, dateAddedFirst, dateAddedLast), body, "response", out failure);
    }

    private static string Header(Key key, string keyId, Message message, ReadOnlySpan<byte> body)
    {
        var signed = message.Rent(body, out var length);
        try
        {
            return $"keyid={keyId}, alg={Algorithm}, sig={Base64Url.EncodeToString(SignatureAlgorithm.Ed25519.Sign(key, signed.AsSpan(0, length)))}";
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(signed);
        }
    }

    private static string? Check(PublicKey publicKey, string? header, Message message, ReadOnlySpan<byte> body, string what, out string failure)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (string.IsNullOrEmpty(header))
        {
            failure = $"the {what} has no {HeaderName} header";
            return null;
        }

        if (!TryParse(header, out var keyId, out var algorithm, out var signature))
        {
            failure = $"the {HeaderName} header is not 'keyid=..., alg=ed25519, sig=<base64url>'";
            return null;
        }

        if (algorithm != Algorithm)
        {
            failure = $"the {HeaderName} algorithm is '{algorithm}', not {Algorithm}";
            return null;
        }

        var signed = message.Rent(body, out var length);
        bool verified;
        try
        {
            verified = SignatureAlgorithm.Ed25519.Verify(publicKey, signed.AsSpan(0, length), signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(signed);
        }

        if (!verified)
        {
            failure = $"the Ed25519 signature of key '{keyId}' does not match the {what} (wrong key, or the {what} was altered)";
            return null;
        }

        failure = string.Empty;
        return keyId;
    }

    private static bool TryParse(string header, out string keyId, out string algorithm, out byte[] signature)
    {
        keyId = algorithm = string.Empty;
        signature = [];
        string? sig = null;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return false;
            }

            var value = part[(equals + 1)..];
            switch (part[..equals])
            {
                case "keyid": keyId = value; break;
                case "alg": algorithm = value; break;
                case "sig": sig = value; break;
                default: return false;
            }
        }

        if (keyId.Length == 0 || algorithm.Length == 0 || sig is null || !Base64Url.IsValid(sig))
        {
            return false;
        }

        signature = Base64Url.DecodeFromChars(sig);
        return true;
    }

    /// <summary>The context line, then each line (a response has three, a request two); the body follows.</summary>
    private readonly record struct Message(byte[] Context, string First, string? Second, string? Third)
    {
        /// <summary>
        /// The signed bytes in a pooled array (return it to <see cref="ArrayPool{T}.Shared"/>): Ed25519 signs one
        /// contiguous message, and a page is large, so a fresh array per page on both sides would be a large-object
        /// allocation each.
        /// </summary>
        public byte[] Rent(ReadOnlySpan<byte> body, out int length)
        {
            ArgumentNullException.ThrowIfNull(First);
            var lines = Encoding.UTF8.GetBytes(Context == RequestContext ? $"{First}\n{Second}\n" : $"{First}\n{Second}\n{Third}\n");
            length = Context.Length + lines.Length + body.Length;
            var bytes = ArrayPool<byte>.Shared.Rent(length);
            Context.CopyTo(bytes, 0);
            lines.CopyTo(bytes, Context.Length);
            body.CopyTo(bytes.AsSpan(Context.Length + lines.Length));
            return bytes;
        }
    }
}

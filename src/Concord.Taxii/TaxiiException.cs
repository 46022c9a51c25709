// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Net;
using Concord.Taxii.Resources;

namespace Concord.Taxii;

/// <summary>A failed TAXII operation, with its kind, the HTTP status and the peer's TAXII error resource when there was one.</summary>
/// <remarks>
/// <see cref="IsRetryable"/> tells whether the same request may succeed later: transport failures, 408, 429, 500, 502,
/// 503 and 504 are retryable; bad input and other refusals are not.
/// </remarks>
public sealed class TaxiiException : Exception
{
    /// <summary>Creates an exception that carries no HTTP exchange (bad input, transport failure).</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public TaxiiException(TaxiiErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>Creates an exception for an HTTP response.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="error">The TAXII error resource of the response, when it had one.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="retryAfter">The delay the peer asked for with <c>Retry-After</c>.</param>
    /// <param name="innerException">The cause.</param>
    public TaxiiException(TaxiiErrorKind kind, HttpStatusCode status, TaxiiError? error, string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        HttpStatus = status;
        Error = error;
        RetryAfter = retryAfter;
    }

    /// <summary>The kind of failure.</summary>
    public TaxiiErrorKind Kind { get; }

    /// <summary>The HTTP status of the response, when there was one.</summary>
    public HttpStatusCode? HttpStatus { get; }

    /// <summary>The TAXII error resource the peer sent, when it sent one.</summary>
    public TaxiiError? Error { get; }

    /// <summary>The delay the peer asked for before retrying.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether the same request may succeed if sent again later.</summary>
    public bool IsRetryable => Kind switch
    {
        TaxiiErrorKind.Transport => true,
        TaxiiErrorKind.ServerError => HttpStatus is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        TaxiiErrorKind.Refused => HttpStatus is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        _ => false,
    };
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii;

/// <summary>Why a TAXII operation failed: the caller's input, the peer's refusal, the peer's failure, the network, or a non-TAXII answer.</summary>
public enum TaxiiErrorKind
{
    /// <summary>Bad input: the request was not sent because an argument is not allowed by the specification. Not retryable.</summary>
    InvalidRequest,

    /// <summary>The peer said no with a 4xx status (authentication, permission, not found, bad filter, too large...).</summary>
    Refused,

    /// <summary>The peer failed with a 5xx status.</summary>
    ServerError,

    /// <summary>The peer could not be reached, or the exchange was cut or timed out.</summary>
    Transport,

    /// <summary>The peer answered with a success status but content that is not the expected TAXII resource.</summary>
    InvalidResponse,
}

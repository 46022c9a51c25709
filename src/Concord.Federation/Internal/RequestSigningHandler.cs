// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Taxii.Server.Signing;

namespace Concord.Federation.Internal;

/// <summary>Signs every request with a body (a push) with the node's key, over the bytes exactly as they are sent (<see cref="EnvelopeSignature.SignRequest"/>).</summary>
internal sealed class RequestSigningHandler(ResponseSigner signer) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content && request.RequestUri is { } uri)
        {
            var body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Remove(EnvelopeSignature.HeaderName);
            request.Headers.TryAddWithoutValidation(EnvelopeSignature.HeaderName, EnvelopeSignature.SignRequest(signer.Key, signer.KeyId, request.Method.Method, uri.PathAndQuery, body));
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

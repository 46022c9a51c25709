// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Taxii.Server.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Concord.Taxii.Server.Internal;

/// <summary>
/// Signs every successful TAXII GET response (discovery, collections, objects, object, manifest, versions) with the node's
/// key (<see cref="EnvelopeSignature"/>): the body is buffered, signed, and then sent with the signature header.
/// </summary>
/// <remarks>Buffering is bounded by the page size (<see cref="TaxiiServerOptions.MaxPageSize"/>); error bodies are not signed.</remarks>
internal sealed class ResponseSigningMiddleware(RequestDelegate next, TaxiiServerOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (options.Signer is not { } signer || !HttpMethods.IsGet(context.Request.Method) || !context.Request.Path.StartsWithSegments("/taxii2", StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        // The body feature is swapped, not just Response.Body, so that handlers writing to BodyWriter are buffered too.
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var buffering = new StreamResponseBodyFeature(buffer, original);
        context.Features.Set<IHttpResponseBodyFeature>(buffering);
        try
        {
            await next(context).ConfigureAwait(false);
            await buffering.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            context.Features.Set(original);
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
            response.Headers[EnvelopeSignature.HeaderName] = EnvelopeSignature.Sign(
                signer.Key, signer.KeyId, target, response.Headers["X-TAXII-Date-Added-First"].FirstOrDefault(),
                response.Headers["X-TAXII-Date-Added-Last"].FirstOrDefault(), buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }

        response.ContentLength = buffer.Length;
        await original.Stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }
}

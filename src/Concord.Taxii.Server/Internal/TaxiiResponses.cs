// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Concord.Storage;
using Concord.Storage.Objects;
using Concord.Taxii.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Concord.Taxii.Server.Internal;

/// <summary>Writes TAXII resources and error resources with the TAXII 2.1 content type.</summary>
internal static class TaxiiResponses
{
    public const string ContentType = TaxiiMediaTypes.Taxii21;

    public static async Task WriteAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a page of stored objects as a TAXII envelope (section 3.7) with the X-TAXII-Date-Added-First/Last headers
    /// (section 3.4): the objects' stored bytes go out as they are, after <c>more</c> and <c>next</c>, in one body whose
    /// length is known before it is sent.
    /// </summary>
    public static Task WriteEnvelopeAsync(HttpContext context, ObjectJsonPage page) => WriteEnvelopeAsync(context, new StoredPage(page));

    /// <inheritdoc cref="WriteEnvelopeAsync(HttpContext, ObjectJsonPage)"/>
    public static async Task WriteEnvelopeAsync<T>(HttpContext context, T page)
        where T : IEnvelopeContent
    {
        var head = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(head, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            if (page.More)
            {
                writer.WriteBoolean("more"u8, true);
                if (page.DateAddedLast is { } next)
                {
                    writer.WriteString("next"u8, new PageToken(next).ToString());
                }
            }

            if (page.Count > 0)
            {
                writer.WriteStartArray("objects"u8);
            }
        }

        var tail = page.Count > 0 ? "]}"u8 : "}"u8;
        var response = context.Response;
        if (page.DateAddedFirst is { } first && page.DateAddedLast is { } last)
        {
            response.Headers["X-TAXII-Date-Added-First"] = first.ToString();
            response.Headers["X-TAXII-Date-Added-Last"] = last.ToString();
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = head.WrittenCount + page.ContentLength + tail.Length;
        var body = response.BodyWriter;
        body.Write(head.WrittenSpan);
        page.WriteContent(body);
        body.Write(tail);
        await body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string code, string title, string? description, bool clear = true)
    {
        var response = context.Response;
        if (clear)
        {
            response.Clear();
        }

        response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = new Microsoft.Extensions.Primitives.StringValues(
                ["Basic realm=\"Concord TAXII\", charset=\"UTF-8\"", "Bearer realm=\"Concord TAXII\""]);
        }

        var error = new TaxiiError
        {
            Title = title,
            Description = description,
            ErrorId = context.TraceIdentifier,
            ErrorCode = code,
            HttpStatus = status.ToString(CultureInfo.InvariantCulture),
        };
        return WriteAsync(context, status, error, TaxiiJsonContext.Wire.TaxiiError);
    }

    /// <summary>The error body for a status set without one (unknown route, wrong method, Kestrel's own rejections).</summary>
    public static Task WriteErrorForStatusAsync(HttpContext context, int status) => status switch
    {
        StatusCodes.Status404NotFound => WriteErrorAsync(context, status, "not-found", "Not found", "There is no TAXII resource at this URL, or you do not have access to it.", clear: false),
        StatusCodes.Status405MethodNotAllowed => WriteErrorAsync(context, status, "method-not-allowed", "Method not allowed", $"{context.Request.Method} is not supported on this endpoint.", clear: false),
        _ => WriteErrorAsync(context, status, "http-" + status.ToString(CultureInfo.InvariantCulture), ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error", null, clear: false),
    };

    /// <summary>A page read as stored, sent whole.</summary>
    private readonly struct StoredPage(ObjectJsonPage page) : IEnvelopeContent
    {
        public int Count => page.Count;

        public bool More => page.More;

        public DateAdded? DateAddedFirst => page.DateAddedFirst;

        public DateAdded? DateAddedLast => page.DateAddedLast;

        public int ContentLength => page.Objects.Length;

        public void WriteContent(IBufferWriter<byte> output) => output.Write(page.Objects.Span);
    }
}

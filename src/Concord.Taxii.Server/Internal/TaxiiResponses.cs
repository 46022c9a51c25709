// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
}

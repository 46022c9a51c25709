// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii.Server.Internal;

/// <summary>A request the server refuses, thrown by handlers and written as a TAXII error resource by <see cref="ErrorBoundaryMiddleware"/>.</summary>
/// <param name="status">The HTTP status (4xx).</param>
/// <param name="code">The application error code, e.g. <c>invalid-filter</c>.</param>
/// <param name="title">The error title.</param>
/// <param name="description">What exactly was wrong; never echoes stored content.</param>
internal sealed class TaxiiProblem(int status, string code, string title, string? description = null) : Exception(title)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string Title { get; } = title;

    public string? Description { get; } = description;

    public static TaxiiProblem BadRequest(string description) => new(400, "bad-request", "The request is malformed", description);

    public static TaxiiProblem InvalidFilter(string description) => new(400, "invalid-filter", "A filter parameter is malformed", description);

    public static TaxiiProblem NotFound(string what) => new(404, "not-found", "Not found", $"The {what} does not exist or you do not have access to it.");

    public static TaxiiProblem Forbidden(string description) => new(403, "forbidden", "Forbidden", description);

    public static TaxiiProblem NotAcceptable() => new(406, "not-acceptable", "Not acceptable",
        $"The Accept header must include {TaxiiMediaTypes.Taxii21} (or {TaxiiMediaTypes.Taxii}).");

    public static TaxiiProblem UnsupportedMediaType() => new(415, "unsupported-media-type", "Unsupported media type",
        $"The Content-Type must be {TaxiiMediaTypes.Taxii21}.");

    public static TaxiiProblem Unprocessable(string description) => new(422, "unprocessable-content", "The content cannot be processed", description);

    public static TaxiiProblem TooLarge(long max) => new(413, "too-large", "Request entity too large",
        $"The body exceeds this API root's max_content_length of {max} octets.");
}

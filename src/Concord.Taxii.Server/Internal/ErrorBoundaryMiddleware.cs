// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Concord.Taxii.Server.Internal;

/// <summary>
/// The outermost middleware: every error leaves as a TAXII error resource (section 3.6.1) — refusals thrown as
/// <see cref="TaxiiProblem"/>, Kestrel's rejections (413 and others), statuses set without a body (unknown routes, 405),
/// and unexpected failures, which are logged and answered with a 500 that carries no stack trace.
/// </summary>
internal sealed partial class ErrorBoundaryMiddleware(RequestDelegate next, ILogger<ErrorBoundaryMiddleware> logger)
{
    /// <summary>The longest request target accepted; Kestrel's own limit is raised so that this one answers with a TAXII body.</summary>
    public const int MaxTargetLength = 16 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            if (context.Request.Path.Value?.Length + context.Request.QueryString.Value?.Length > MaxTargetLength)
            {
                throw new TaxiiProblem(StatusCodes.Status414UriTooLong, "uri-too-long", "URI too long", $"The request target exceeds {MaxTargetLength} characters.");
            }

            await next(context).ConfigureAwait(false);
            if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentType is null)
            {
                await TaxiiResponses.WriteErrorForStatusAsync(context, context.Response.StatusCode).ConfigureAwait(false);
            }
        }
        catch (TaxiiProblem problem) when (!context.Response.HasStarted)
        {
            await TaxiiResponses.WriteErrorAsync(context, problem.Status, problem.Code, problem.Title, problem.Description).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await TaxiiResponses.WriteErrorAsync(context, e.StatusCode, "too-large", "Request entity too large", "The body exceeds this API root's max_content_length.").ConfigureAwait(false);
            }
            else
            {
                await TaxiiResponses.WriteErrorAsync(context, e.StatusCode, "bad-request", "The request is malformed", e.Message).ConfigureAwait(false);
            }
        }
        catch (Storage.StorageNotFoundException) when (!context.Response.HasStarted)
        {
            // A collection removed between the access check and the query: the same answer as any missing resource.
            await TaxiiResponses.WriteErrorForStatusAsync(context, StatusCodes.Status404NotFound).ConfigureAwait(false);
        }
        catch (JsonException e) when (!context.Response.HasStarted)
        {
            await TaxiiResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "bad-json", "The body is not well-formed JSON", e.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            LogFailure(logger, e, context.Request.Method, context.Request.Path, context.TraceIdentifier);
            await TaxiiResponses.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "internal-error", "Internal server error",
                $"The server failed to process the request; quote error_id {context.TraceIdentifier} to its operator.").ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed (error_id {TraceId})")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, PathString path, string traceId);
}

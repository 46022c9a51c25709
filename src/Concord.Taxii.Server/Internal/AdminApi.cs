// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Concord.Sharing;
using Concord.Sharing.Administration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Concord.Taxii.Server.Internal;

/// <summary>
/// The HTTP admin API of the sharing model (README, "Sharing administration"), for the users and tokens of the node's own
/// organization only: JSON in and out (snake_case, as <c>concord agreement show --json</c>), every change audited as a
/// policy change with the caller as actor. Errors are JSON error resources naming the field or thing and the rule:
/// 400 invalid, 401 unauthenticated, 403 not an administrator, 404 unknown, 409 conflict.
/// </summary>
internal sealed class AdminApi(SharingAdministration administration, Authenticator authenticator, Guid administrators)
{
    private const string Channel = SharingAdministration.AdminApiChannel;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/groups", context => Run(context, async caller =>
            await WriteAsync(context, 200, await administration.ListGroupsAsync(context.RequestAborted).ConfigureAwait(false), SharingJsonContext.Default.IReadOnlyListWorkingGroupView).ConfigureAwait(false)));
        endpoints.MapPost("/api/v1/groups", context => Run(context, async caller =>
        {
            using var body = await ReadAsync(context).ConfigureAwait(false);
            var name = body.RootElement.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var description = body.RootElement.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            var group = await administration.AddGroupAsync(name, description, caller.Actor, Channel, context.RequestAborted).ConfigureAwait(false);
            await WriteAsync(context, 201, group, SharingJsonContext.Default.WorkingGroupView).ConfigureAwait(false);
        }));
        endpoints.MapDelete("/api/v1/groups/{group}", context => Run(context, async caller =>
        {
            await administration.RemoveGroupAsync(Route(context, "group"), caller.Actor, Channel, context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = 204;
        }));
        endpoints.MapPut("/api/v1/groups/{group}/members/{organization}", context => Run(context, async caller =>
        {
            await administration.AddMemberAsync(Route(context, "group"), Route(context, "organization"), caller.Actor, Channel, context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = 204;
        }));
        endpoints.MapDelete("/api/v1/groups/{group}/members/{organization}", context => Run(context, async caller =>
        {
            var removed = await administration.RemoveMemberAsync(Route(context, "group"), Route(context, "organization"), caller.Actor, Channel, context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = removed ? 204 : throw new SharingException(SharingErrorKind.NotFound, $"organization: '{Route(context, "organization")}' is not a member of '{Route(context, "group")}'.");
        }));
        endpoints.MapPut("/api/v1/groups/{group}/collections/{collection}", context => Run(context, async caller =>
        {
            if (!Guid.TryParse(Route(context, "collection"), out var collection))
            {
                throw new SharingException(SharingErrorKind.Invalid, $"collection: '{Route(context, "collection")}' is not a collection id (a UUID).");
            }

            await administration.SetCollectionOwnerAsync(Route(context, "group"), collection, caller.Actor, Channel, context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = 204;
        }));
        endpoints.MapGet("/api/v1/agreements", context => Run(context, async caller =>
            await WriteAsync(context, 200, await administration.ListAgreementsAsync(context.RequestAborted).ConfigureAwait(false), SharingJsonContext.Default.IReadOnlyListAgreementView).ConfigureAwait(false)));
        endpoints.MapPost("/api/v1/agreements", context => Run(context, async caller =>
        {
            using var body = await ReadAsync(context).ConfigureAwait(false);
            AgreementRequest request;
            try
            {
                request = body.RootElement.Deserialize(SharingJsonContext.Default.AgreementRequest)
                    ?? throw new SharingException(SharingErrorKind.Invalid, "body: an agreement is a JSON object.");
            }
            catch (JsonException e)
            {
                throw new SharingException(SharingErrorKind.Invalid, $"body{(e.Path is { } path ? " at " + path : string.Empty)}: {e.Message}");
            }

            var agreement = await administration.AddAgreementAsync(request, caller.Actor, Channel, context.RequestAborted).ConfigureAwait(false);
            await WriteAsync(context, 201, agreement, SharingJsonContext.Default.AgreementView).ConfigureAwait(false);
        }));
        endpoints.MapGet("/api/v1/agreements/{agreement}", context => Run(context, async caller =>
            await WriteAsync(context, 200, await administration.GetAgreementAsync(Route(context, "agreement"), context.RequestAborted).ConfigureAwait(false), SharingJsonContext.Default.AgreementView).ConfigureAwait(false)));
        endpoints.MapPost("/api/v1/agreements/{agreement}/revoke", context => Run(context, async caller =>
            await WriteAsync(context, 200, await administration.RevokeAgreementAsync(Route(context, "agreement"), caller.Actor, Channel, context.RequestAborted).ConfigureAwait(false), SharingJsonContext.Default.AgreementView).ConfigureAwait(false)));
    }

    private async Task Run(HttpContext context, Func<Caller, Task> action)
    {
        var caller = await authenticator.AuthenticateAsync(context).ConfigureAwait(false);
        if (caller.OrganizationId != administrators)
        {
            throw TaxiiProblem.Forbidden("The admin API is for the node's own organization.");
        }

        try
        {
            await action(caller).ConfigureAwait(false);
        }
        catch (SharingException e)
        {
            throw e.Kind switch
            {
                SharingErrorKind.NotFound => new TaxiiProblem(404, "not-found", "Not found", e.Message),
                SharingErrorKind.Conflict => new TaxiiProblem(409, "conflict", "Conflict", e.Message),
                _ => TaxiiProblem.BadRequest(e.Message),
            };
        }
    }

    private static async Task<JsonDocument> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw TaxiiProblem.BadRequest($"body: not JSON ({e.Message})");
        }
    }

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? string.Empty;

    private static async Task WriteAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted).ConfigureAwait(false);
    }
}

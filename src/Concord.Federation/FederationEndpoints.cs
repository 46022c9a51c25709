// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Storage;
using Concord.Taxii.Server.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Concord.Federation;

/// <summary>
/// <c>GET /federation/peers</c>: the status of every peer (<see cref="PeerStatus"/>), for the node's own organization
/// only (a Bearer API token of that organization), because errors name the objects a peer sent.
/// </summary>
public static class FederationEndpoints
{
    /// <summary>The path of the status endpoint.</summary>
    public const string StatusPath = "/federation/peers";

    /// <summary>Maps the endpoint.</summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="registry">The peers.</param>
    /// <param name="accounts">The account store (tokens).</param>
    /// <param name="nodeOrganization">The node's own organization.</param>
    /// <param name="time">The clock.</param>
    public static IEndpointConventionBuilder MapPeerStatus(this IEndpointRouteBuilder endpoints, PeerRegistry registry, IAccountStore accounts, Guid nodeOrganization, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(time);
        return endpoints.MapGet(StatusPath, async context =>
        {
            var response = context.Response;
            var authorization = context.Request.Headers.Authorization.ToString();
            var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
            var record = token is { Length: > 0 } ? await accounts.FindApiTokenAsync(ApiTokens.HashOf(token), context.RequestAborted).ConfigureAwait(false) : null;
            var now = time.GetUtcNow();
            if (record is null || record.RevokedAt is not null || record.ExpiresAt <= now || record.OrganizationId != nodeOrganization)
            {
                response.StatusCode = StatusCodes.Status401Unauthorized;
                response.Headers.WWWAuthenticate = "Bearer realm=\"Concord federation\"";
                response.ContentType = "application/json";
                await response.WriteAsync("{\"title\":\"Unauthorized\",\"description\":\"Peer status needs an API token of the node's own organization.\"}", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            IReadOnlyList<PeerStatus> statuses;
            try
            {
                statuses = PeerStatus.Of(registry, now);
            }
            catch (FederationException e)
            {
                response.StatusCode = StatusCodes.Status500InternalServerError;
                response.ContentType = "application/json";
                await response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["title"] = "Peer status unavailable", ["description"] = e.Message }), context.RequestAborted).ConfigureAwait(false);
                return;
            }

            response.ContentType = "application/json";
            await response.WriteAsync(PeerStatus.ToJson(statuses), context.RequestAborted).ConfigureAwait(false);
        });
    }
}

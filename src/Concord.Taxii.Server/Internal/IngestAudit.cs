// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Concord.Sharing.Audit;
using Concord.Storage;
using Concord.Storage.Collections;
using Concord.Storage.Status;
using Microsoft.AspNetCore.Http;

namespace Concord.Taxii.Server.Internal;

/// <summary>
/// Records each TAXII POST in the node's audit log (docs/audit.md, kind <c>ingest</c>): which organization and user or
/// token added which object versions to which collection, each added or refused. The POST is answered only once the
/// entry is durable.
/// </summary>
/// <remarks>Thread-safe. Organization names are remembered once read (organizations are never renamed).</remarks>
internal sealed class IngestAudit(IAuditLog? log, IAccountStore accounts)
{
    private const string TokenPrefix = "token:";

    private readonly ConcurrentDictionary<Guid, string> organizationNames = new();

    /// <summary>Appends the ingest entry and waits until it is durable; nothing when the server runs without an audit log.</summary>
    /// <exception cref="TaxiiProblem">503 when the audit log cannot record the entry.</exception>
    public async Task RecordAsync(Caller caller, string root, CollectionInfo collection, StatusResource status, CancellationToken cancellationToken)
    {
        if (log is null)
        {
            return;
        }

        if (!organizationNames.TryGetValue(caller.OrganizationId, out var organization))
        {
            organization = (await accounts.GetOrganizationAsync(caller.OrganizationId, cancellationToken).ConfigureAwait(false))?.Name ?? caller.OrganizationId.ToString("D");
            organizationNames.TryAdd(caller.OrganizationId, organization);
        }

        var objects = new List<AuditObjectRef>(status.Successes.Count + status.Failures.Count);
        objects.AddRange(status.Successes.Select(d => Reference(d, "added")));
        objects.AddRange(status.Failures.Select(d => Reference(d, "refused")));
        var entry = new AuditEvent(AuditEntryKind.Ingest)
        {
            Actor = caller.Name.StartsWith(TokenPrefix, StringComparison.Ordinal) ? AuditActor.Token(caller.Name[TokenPrefix.Length..]) : AuditActor.User(caller.Name),
            Organization = new AuditOrganization(caller.OrganizationId, organization),
            Channel = AuditChannels.Taxii,
            Objects = objects,
            Details = new JsonObject
            {
                ["api_root"] = root,
                ["collection"] = collection.Id.ToString("D"),
                ["status"] = status.Id.ToString("D"),
            },
        };
        try
        {
            await log.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (AuditLogException)
        {
            throw new TaxiiProblem(StatusCodes.Status503ServiceUnavailable, "audit-unavailable", "The audit log cannot record this request",
                $"The objects were processed (status {status.Id:D}) but the node's audit log failed, so the request is not acknowledged; the operator must repair the audit log.");
        }
    }

    private static AuditObjectRef Reference(StatusDetail detail, string outcome) =>
        new(detail.Id, detail.Version.Length == 0 ? null : detail.Version) { Outcome = outcome };
}

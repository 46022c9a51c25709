// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Concord.Sharing.Audit;
using Concord.Sharing.Policy;
using Concord.Stix;
using Concord.Storage;
using Concord.Storage.Collections;
using Concord.Storage.Objects;
using Microsoft.AspNetCore.Http;

namespace Concord.Taxii.Server.Internal;

/// <summary>
/// The policy decision point at the TAXII exits (objects, object, manifest, versions): every version a read endpoint
/// would send is decided for the caller's organization; denied versions are skipped as if they did not exist, pages are
/// filled from the disclosed ones, and every disclosure, denial and redaction is audited before the response is sent.
/// </summary>
/// <remarks>
/// <para><b>Paging.</b> The store is read past denied rows until <c>limit</c> disclosed versions and one more are found
/// (or the collection ends), so <c>more</c>, <c>next</c> and the date-added headers describe only what the caller receives.</para>
/// <para><b>first and last.</b> <c>match[version]=first|last</c> select among the versions the caller may receive: when the
/// newest version of an object is denied, the newest disclosed one is its <c>last</c>, at its own date added, exactly as if the
/// denied version were absent. The spec-version default of section 3.4.1 is applied by the store over all versions.</para>
/// <para>Thread-safe: one instance serves every request.</para>
/// </remarks>
internal sealed class SharingEnforcement
{
    private const int MinimumBatch = 64;
    private const int MaximumBatch = 5000;

    private readonly IConcordStore store;
    private readonly SharingPolicySource policies;
    private readonly IAuditLog audit;
    private readonly ConcurrentDictionary<Guid, string> organizationNames = new();

    public SharingEnforcement(IConcordStore store, IAuditLog audit, TimeProvider time)
    {
        this.store = store;
        this.audit = audit;
        policies = new SharingPolicySource(store, time);
    }

    /// <summary>Prepares the decisions for one caller reading one collection (once per request).</summary>
    public async Task<ReadScope> ScopeAsync(Caller caller, CollectionInfo collection, string endpoint, CancellationToken cancellationToken)
    {
        var policy = await policies.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var name = organizationNames.TryGetValue(caller.OrganizationId, out var known) ? known
            : organizationNames[caller.OrganizationId] = (await store.GetOrganizationAsync(caller.OrganizationId, cancellationToken).ConfigureAwait(false))?.Name ?? caller.OrganizationId.ToString("D");
        var view = policy.For(caller.OrganizationId, policy.OriginOf(collection), AuditChannels.Taxii);
        return new ReadScope(this, view, collection, caller, new AuditOrganization(caller.OrganizationId, name), endpoint);
    }

    /// <summary>The decisions and audit records of one request.</summary>
    internal sealed class ReadScope
    {
        private readonly SharingEnforcement owner;
        private readonly RecipientView view;
        private readonly CollectionInfo collection;
        private readonly Caller caller;
        private readonly AuditOrganization organization;
        private readonly string endpoint;
        private readonly Dictionary<(string Id, string Version), PolicyDecision> decisions = [];
        private readonly List<(StoredObject Version, PolicyDecision Decision)> denied = [];

        public ReadScope(SharingEnforcement owner, RecipientView view, CollectionInfo collection, Caller caller, AuditOrganization organization, string endpoint)
        {
            this.owner = owner;
            this.view = view;
            this.collection = collection;
            this.caller = caller;
            this.organization = organization;
            this.endpoint = endpoint;
        }

        /// <summary>Reads one page of what the caller may receive, with the filters of <paramref name="query"/>.</summary>
        public async Task<DisclosedPage> ReadAsync(ObjectQuery query, CancellationToken cancellationToken)
        {
            var limit = query.Limit ?? int.MaxValue;
            var versions = query.Versions;
            var amongDisclosed = versions.First || versions.Last;
            var cursor = amongDisclosed ? query with { Versions = VersionFilter.AllVersions } : query;
            var items = new List<DisclosedVersion>();
            var more = false;
            while (true)
            {
                var batch = Math.Clamp(limit == int.MaxValue ? MaximumBatch : limit - items.Count + 1, MinimumBatch, MaximumBatch);
                var page = await owner.store.GetObjectsAsync(collection.Id, cursor with { Limit = batch }, cancellationToken).ConfigureAwait(false);
                var selected = amongDisclosed ? await EndsAmongDisclosedAsync(page.Items, query, cancellationToken).ConfigureAwait(false) : null;
                foreach (var row in page.Items)
                {
                    var decision = Decide(row);
                    if (!decision.Discloses)
                    {
                        denied.Add((row, decision));
                        continue;
                    }

                    if (selected is not null && !Selected(row, versions, selected))
                    {
                        continue;
                    }

                    if (items.Count == limit)
                    {
                        more = true;
                        break;
                    }

                    items.Add(new DisclosedVersion(row, decision.Outcome == PolicyOutcome.Redact ? Redactor.Apply(row.Json, decision.Redactions) : row.Json));
                }

                if (more || !page.More || page.DateAddedLast is not { } last)
                {
                    return new DisclosedPage(items, more);
                }

                cursor = cursor with { Next = new PageToken(last) };
            }
        }

        /// <summary>Whether the caller may receive any version of an object (for 404 versus an empty page).</summary>
        public async Task<bool> AnyDisclosedAsync(string objectId, CancellationToken cancellationToken)
        {
            var all = await owner.store.GetObjectsAsync(collection.Id, new ObjectQuery { Ids = [objectId], Versions = VersionFilter.AllVersions }, cancellationToken).ConfigureAwait(false);
            return all.Items.Any(row => Decide(row).Discloses);
        }

        /// <summary>
        /// Records the request in the audit log and waits until the entries are durable: what was disclosed (one entry),
        /// what was denied (one entry per reason) and what was redacted (one entry, with the paths per version).
        /// </summary>
        /// <exception cref="TaxiiProblem">503 when the audit log cannot record the entries.</exception>
        public async Task AuditAsync(IReadOnlyList<DisclosedVersion> disclosed, CancellationToken cancellationToken)
        {
            var actor = caller.Actor;
            var details = new JsonObject { ["collection"] = collection.Id.ToString("D"), ["endpoint"] = endpoint, ["relation"] = view.Relation.ToString() };
            var events = new List<AuditEvent>();
            if (disclosed.Count > 0)
            {
                events.Add(Event(AuditEntryKind.Disclosure, actor, details, [.. disclosed.Select(d => new AuditObjectRef(d.Version.Id, d.Version.Version))], null));
                var redacted = disclosed
                    .Select(d => (d.Version, Decision: decisions[(d.Version.Id, d.Version.Version)]))
                    .Where(d => d.Decision.Outcome == PolicyOutcome.Redact)
                    .Select(d => new AuditObjectRef(d.Version.Id, d.Version.Version) { Paths = [.. d.Decision.Redactions.Select(r => r.Path.JsonPath)] })
                    .ToArray();
                if (redacted.Length > 0)
                {
                    var reasons = disclosed.SelectMany(d => decisions[(d.Version.Id, d.Version.Version)].Redactions).Select(r => r.Reason).Distinct(StringComparer.Ordinal);
                    events.Add(Event(AuditEntryKind.Redaction, actor, details, redacted, string.Join("; ", reasons)));
                }
            }

            foreach (var group in denied.GroupBy(d => d.Decision.Reason, StringComparer.Ordinal))
            {
                var refs = group.Select(d => new AuditObjectRef(d.Version.Id, d.Version.Version)).Distinct().ToArray();
                events.Add(Event(AuditEntryKind.Denial, actor, details, refs, group.Key));
            }

            try
            {
                await Task.WhenAll(events.Select(e => owner.audit.AppendAsync(e, cancellationToken))).ConfigureAwait(false);
            }
            catch (AuditLogException)
            {
                throw new TaxiiProblem(StatusCodes.Status503ServiceUnavailable, "audit-unavailable", "The audit log cannot record this request",
                    "The node's audit log failed, so nothing is disclosed; the operator must repair the audit log.");
            }
        }

        private AuditEvent Event(AuditEntryKind kind, AuditActor actor, JsonObject details, IReadOnlyList<AuditObjectRef> objects, string? reason) =>
            new(kind) { Actor = actor, Organization = organization, Channel = AuditChannels.Taxii, Objects = objects, Reason = reason, Details = (JsonObject)details.DeepClone() };

        private PolicyDecision Decide(StoredObject row)
        {
            if (!decisions.TryGetValue((row.Id, row.Version), out var decision))
            {
                decision = view.Decide(new ObjectVersion(row.Id, row.Type, row.Version, row.Json));
                decisions[(row.Id, row.Version)] = decision;
            }

            return decision;
        }

        /// <summary>
        /// For each object of the batch, the earliest and latest versions the caller may receive. Only objects with several
        /// versions have all their versions decided. Under the default <c>match[spec_version]</c> a single-version object is a
        /// row that is both its object's first and last (<see cref="StoredObject.IsFirst"/>, <see cref="StoredObject.IsLast"/>);
        /// under a listed one, a manifest read (no bodies) of the batch's objects counts their versions.
        /// </summary>
        private async Task<Dictionary<string, (StixTimestamp? First, StixTimestamp? Last)>> EndsAmongDisclosedAsync(IReadOnlyList<StoredObject> rows, ObjectQuery query, CancellationToken cancellationToken)
        {
            var ends = new Dictionary<string, (StixTimestamp? First, StixTimestamp? Last)>(StringComparer.Ordinal);
            if (rows.Count == 0)
            {
                return ends;
            }

            var siblings = new ObjectQuery { Types = query.Types, SpecVersions = query.SpecVersions, Versions = VersionFilter.AllVersions };
            HashSet<string> several;
            if (query.SpecVersions is { Count: > 0 })
            {
                var manifest = await owner.store.GetManifestAsync(collection.Id, siblings with { Ids = [.. rows.Select(r => r.Id).Distinct(StringComparer.Ordinal)] }, cancellationToken).ConfigureAwait(false);
                several = manifest.Items.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            }
            else
            {
                several = rows.Where(r => !(r.IsFirst && r.IsLast)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            }

            foreach (var row in rows.Where(r => !several.Contains(r.Id)))
            {
                var instant = Instant(row.Version);
                ends[row.Id] = (instant, instant);
            }

            if (several.Count > 0)
            {
                var all = await owner.store.GetObjectsAsync(collection.Id, siblings with { Ids = [.. several] }, cancellationToken).ConfigureAwait(false);
                foreach (var group in all.Items.Where(r => Decide(r).Discloses).GroupBy(r => r.Id, StringComparer.Ordinal))
                {
                    var instants = group.Select(r => Instant(r.Version)).ToArray();
                    ends[group.Key] = (instants.Min(), instants.Max());
                }
            }

            return ends;
        }

        private static bool Selected(StoredObject row, VersionFilter filter, Dictionary<string, (StixTimestamp? First, StixTimestamp? Last)> ends)
        {
            var instant = Instant(row.Version);
            if (instant is { } known && filter.Versions.Contains(known))
            {
                return true;
            }

            return ends.TryGetValue(row.Id, out var end) && ((filter.First && end.First == instant) || (filter.Last && end.Last == instant));
        }

        private static StixTimestamp? Instant(string version) => StixTimestamp.TryParse(version, out var instant) ? instant : null;
    }
}

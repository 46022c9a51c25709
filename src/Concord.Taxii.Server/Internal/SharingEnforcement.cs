// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Concord.Sharing.Audit;
using Concord.Sharing.Policy;
using Concord.Stix;
using Concord.Storage;
using Concord.Storage.Collections;
using Concord.Storage.Objects;
using Concord.Storage.Sharing;
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
    private readonly ObjectFactsCache facts = new();
    private readonly ConcurrentDictionary<Guid, string> organizationNames = new();
    private volatile ViewSet views = new(null, new());

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
        var view = View(policy, caller.OrganizationId, policy.OriginOf(collection));
        return new ReadScope(this, view, collection, caller, new AuditOrganization(caller.OrganizationId, name), endpoint);
    }

    /// <summary>
    /// The view of one recipient and origin under the current policy, the same instance from request to request until the
    /// policy changes, so that the decisions remembered with a version's facts (<see cref="ObjectFacts"/>) are reused.
    /// </summary>
    private RecipientView View(SharingPolicy policy, Guid recipient, SharingParty? origin)
    {
        var current = views;
        if (!ReferenceEquals(current.Policy, policy))
        {
            current = new ViewSet(policy, new ConcurrentDictionary<(Guid, SharingParty?), RecipientView>());
            views = current;
        }

        return current.Views.GetOrAdd((recipient, origin), key => policy.For(key.Item1, key.Item2, AuditChannels.Taxii));
    }

    /// <summary>
    /// GET objects (TAXII 2.1 section 5.4) through the policy: the disclosed page is read (<see cref="ReadScope.ReadJsonAsync"/>),
    /// audited, and written as an envelope of the disclosed versions' bytes once the audit entries are durable.
    /// </summary>
    public async Task WriteObjectsAsync(HttpContext context, Caller caller, CollectionInfo collection, ObjectQuery query)
    {
        var cancellationToken = context.RequestAborted;
        var scope = await ScopeAsync(caller, collection, "objects", cancellationToken).ConfigureAwait(false);
        using var page = await scope.ReadJsonAsync(query, cancellationToken).ConfigureAwait(false);

        // A disclosure that cannot be recorded does not happen: nothing is written before the entries are durable. The
        // page is assembled (sliced from the store's batches, its redacted versions masked) while the log writes them.
        var recorded = scope.AuditAsync(cancellationToken);
        try
        {
            page.Assemble();
        }
        finally
        {
            await recorded.ConfigureAwait(false);
        }

        await TaxiiResponses.WriteEnvelopeAsync(context, page).ConfigureAwait(false);
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

        // One decision per shape shared by many versions (ObjectFacts.IsCommon): most versions of a page are decided by a
        // look-up here.
        private readonly Dictionary<ObjectFacts, PolicyDecision> common = new(ReferenceEqualityComparer.Instance);
        private readonly ReadAudit record = new();

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
                var page = await owner.store.GetObjectsAsync(collection.Id, cursor with { Limit = Batch(limit, items.Count) }, cancellationToken).ConfigureAwait(false);
                var ends = amongDisclosed
                    ? await EndsAmongDisclosedAsync(query.SpecVersions is { Count: > 0 } ? page.Items.Select(r => r.Id) : page.Items.Where(r => !(r.IsFirst && r.IsLast)).Select(r => r.Id), query, cancellationToken).ConfigureAwait(false)
                    : null;
                foreach (var row in page.Items)
                {
                    var decision = Decide(row);
                    if (!decision.Discloses)
                    {
                        record.Denied(new AuditObjectRef(row.Id, row.Version), decision);
                        continue;
                    }

                    if (ends is not null && !ends.Selected(row.Id, row.Version, versions))
                    {
                        continue;
                    }

                    if (items.Count == limit)
                    {
                        more = true;
                        break;
                    }

                    items.Add(new DisclosedVersion(row, decision.Outcome == PolicyOutcome.Redact ? Redactor.Apply(row.Json, decision.Redactions) : row.Json));
                    record.Disclosed(row.Id, row.Version, decision);
                }

                if (more || !page.More || page.DateAddedLast is not { } last)
                {
                    return new DisclosedPage(items, more);
                }

                cursor = cursor with { Next = new PageToken(last) };
            }
        }

        /// <summary>
        /// Decides one page of GET objects (TAXII 2.1 section 5.4) of what the caller may receive: the rows are read as stored
        /// JSON (<see cref="IObjectStore.GetObjectRowsAsync"/>) and decided from their facts, without an object per row; the
        /// disclosed ones are selected in the returned page, which is assembled once the audit entries are on their way.
        /// </summary>
        /// <returns>The page to send, which the caller disposes; its <c>more</c>, <c>next</c> and date-added bounds are those of
        /// the disclosed versions only.</returns>
        public async Task<DisclosedJsonPage> ReadJsonAsync(ObjectQuery query, CancellationToken cancellationToken)
        {
            var limit = query.Limit ?? int.MaxValue;
            var versions = query.Versions;
            var amongDisclosed = versions.First || versions.Last;
            var cursor = amongDisclosed ? query with { Versions = VersionFilter.AllVersions } : query;
            var disclosed = new DisclosedJsonPage();
            try
            {
                var facts = owner.facts.Of(collection.Id);
                while (true)
                {
                    var page = await owner.store.GetObjectRowsAsync(collection.Id, cursor with { Limit = Batch(limit, disclosed.Count) }, cancellationToken).ConfigureAwait(false);
                    disclosed.Keep(page);
                    var ends = amongDisclosed ? await EndsAmongDisclosedAsync(SiblingCandidates(page, query), query, cancellationToken).ConfigureAwait(false) : null;
                    var rows = page.Rows;
                    for (var i = 0; i < rows.Length; i++)
                    {
                        ref readonly var row = ref rows[i];
                        var id = page.Id(row);
                        var decision = view.Relation == RecipientRelation.SameOrganization ? PolicyDecision.Allowed
                            : Decide(facts.Get(row.DateAdded, page.Json(row), page.Type(row)), id);
                        if (!decision.Discloses)
                        {
                            record.Denied(new AuditObjectRef(Encoding.UTF8.GetString(id), Encoding.UTF8.GetString(page.Version(row))), decision);
                            continue;
                        }

                        if (ends is not null && !ends.Selected(id, page.Version(row), versions))
                        {
                            continue;
                        }

                        if (disclosed.Count == limit)
                        {
                            disclosed.More = true;
                            break;
                        }

                        disclosed.Select(i, row, decision);
                        record.Disclosed(id, page.Version(row), decision);
                    }

                    var (more, lastRead) = (page.More, page.DateAddedLast);
                    disclosed.Settle();
                    if (disclosed.More || !more || lastRead is not { } last)
                    {
                        return disclosed;
                    }

                    cursor = cursor with { Next = new PageToken(last) };
                }
            }
            catch
            {
                disclosed.Dispose();
                throw;
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
        public async Task AuditAsync(CancellationToken cancellationToken)
        {
            var template = new AuditEvent(AuditEntryKind.Disclosure) { Actor = caller.Actor, Organization = organization, Channel = AuditChannels.Taxii };
            var events = record.Events(template, () => new JsonObject { ["collection"] = collection.Id.ToString("D"), ["endpoint"] = endpoint, ["relation"] = view.Relation.ToString() });
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

        private static int Batch(int limit, int disclosed) =>
            Math.Clamp(limit == int.MaxValue ? MaximumBatch : limit - disclosed + 1, MinimumBatch, MaximumBatch);

        /// <summary>The ids whose sibling versions <see cref="EndsAmongDisclosedAsync"/> must look at (see there).</summary>
        private static List<string> SiblingCandidates(ObjectJsonPage page, ObjectQuery query)
        {
            var listed = query.SpecVersions is { Count: > 0 };
            var ids = new List<string>();
            foreach (ref readonly var row in page.Rows)
            {
                if (listed || !(row.IsFirst && row.IsLast))
                {
                    ids.Add(Encoding.UTF8.GetString(page.Id(row)));
                }
            }

            return ids;
        }

        // The owner receives its own content unchanged: its reads neither read nor cache facts.
        private PolicyDecision Decide(StoredObject row) => view.Relation == RecipientRelation.SameOrganization ? PolicyDecision.Allowed
            : Decide(owner.facts.Get(collection.Id, row.DateAdded, row.Json, row.Type), row.Id);

        private PolicyDecision Decide(ObjectFacts facts, string id)
        {
            if (!facts.IsCommon)
            {
                return view.Decide(facts, id);
            }

            if (!common.TryGetValue(facts, out var decision))
            {
                decision = view.Decide(facts, id);
                common[facts] = decision;
            }

            return decision;
        }

        // A common shape is decided without its id: only unreadable JSON is denied with the id in the reason, and that is
        // never a common shape.
        private PolicyDecision Decide(ObjectFacts facts, ReadOnlySpan<byte> id) =>
            facts.IsCommon && common.TryGetValue(facts, out var decision) ? decision : Decide(facts, Encoding.UTF8.GetString(id));

        /// <summary>
        /// For <c>match[version]=first|last</c>: which of the batch's objects have several versions, and for those, the
        /// earliest and latest versions the caller may receive (all their versions are decided). Under the default
        /// <c>match[spec_version]</c> the candidates are the rows that are not both their object's first and last
        /// (<see cref="StoredObject.IsFirst"/>, <see cref="StoredObject.IsLast"/>); under a listed one, every row, and a
        /// manifest read (no bodies) of their objects counts their versions.
        /// </summary>
        private async Task<VersionEnds?> EndsAmongDisclosedAsync(IEnumerable<string> candidates, ObjectQuery query, CancellationToken cancellationToken)
        {
            var ids = candidates.ToHashSet(StringComparer.Ordinal);
            if (ids.Count == 0)
            {
                return null;
            }

            var siblings = new ObjectQuery { Types = query.Types, SpecVersions = query.SpecVersions, Versions = VersionFilter.AllVersions };
            var several = ids;
            if (query.SpecVersions is { Count: > 0 })
            {
                var manifest = await owner.store.GetManifestAsync(collection.Id, siblings with { Ids = [.. ids] }, cancellationToken).ConfigureAwait(false);
                several = manifest.Items.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            }

            var ends = new Dictionary<string, (StixTimestamp? First, StixTimestamp? Last)>(StringComparer.Ordinal);
            if (several.Count > 0)
            {
                var all = await owner.store.GetObjectsAsync(collection.Id, siblings with { Ids = [.. several] }, cancellationToken).ConfigureAwait(false);
                foreach (var group in all.Items.Where(r => Decide(r).Discloses).GroupBy(r => r.Id, StringComparer.Ordinal))
                {
                    var instants = group.Select(r => VersionEnds.Instant(r.Version)).ToArray();
                    ends[group.Key] = (instants.Min(), instants.Max());
                }
            }

            return new VersionEnds(several, ends);
        }
    }

    private sealed record ViewSet(SharingPolicy? Policy, ConcurrentDictionary<(Guid Recipient, SharingParty? Origin), RecipientView> Views);
}

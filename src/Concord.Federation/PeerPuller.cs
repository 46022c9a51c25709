// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Sharing.Audit;
using Concord.Sharing.Policy;
using Concord.Stix.Validation;
using Concord.Storage;
using Concord.Storage.Objects;
using Concord.Storage.Sharing;
using Concord.Taxii;
using Concord.Taxii.Server.Signing;
using NSec.Cryptography;

namespace Concord.Federation;

/// <summary>Progress of a pull: one report per stored page.</summary>
/// <param name="Peer">The peer.</param>
/// <param name="Collection">The peer's collection id.</param>
/// <param name="Added">Versions stored in this page.</param>
/// <param name="Duplicates">Versions already held.</param>
/// <param name="Refused">Versions refused.</param>
public sealed record PullProgress(string Peer, string Collection, int Added, int Duplicates, int Refused);

/// <summary>
/// Pulls a peer's collections into the local store (TAXII 2.1 section 5.4, Get Objects): resumable from the last
/// <c>X-TAXII-Date-Added-Last</c> stored (<c>added_after</c>, then <c>next</c> within a run), idempotent (versions
/// already held are skipped by the store), every page's signature verified before it is parsed, every object validated
/// and put through the entry policy, provenance recorded beside the objects, and every page audited.
/// </summary>
/// <remarks>
/// <para>
/// The entry policy is the sharing model's decision point asked the other way round: a version is accepted when the
/// node's own organization could receive it from the peer's organization on the <c>federation</c> channel (an agreement
/// in force covers that flow, its TLP level, type and personal data); a denial refuses it, a redaction is applied before
/// storing (so personal data the agreement does not allow never lands here even if the sender failed to remove it).
/// </para>
/// <para>Thread-safe for different peers; one pull per peer at a time (the scheduler guarantees it).</para>
/// </remarks>
public sealed class PeerPuller
{
    /// <summary>The largest page body read from a peer (a hostile peer cannot exhaust memory).</summary>
    public const int MaxPageBytes = 256 * 1024 * 1024;

    private static readonly MediaTypeWithQualityHeaderValue AcceptTaxii = MediaTypeWithQualityHeaderValue.Parse(TaxiiMediaTypes.Taxii21);

    private readonly IConcordStore store;
    private readonly IAuditLog audit;
    private readonly SharingPolicySource policy;
    private readonly HttpClient http;
    private readonly TimeProvider time;
    private readonly string dataDirectory;
    private readonly Guid receiver;
    private readonly StixValidator validator;

    /// <summary>Creates a puller.</summary>
    /// <param name="store">The local store.</param>
    /// <param name="audit">The node's audit log.</param>
    /// <param name="dataDirectory">The data directory (sync state and provenance).</param>
    /// <param name="receiver">The node's own organization: the recipient the entry policy decides for.</param>
    /// <param name="http">The HTTP client (its timeout bounds each request); its lifetime is the caller's.</param>
    /// <param name="time">The clock.</param>
    public PeerPuller(IConcordStore store, IAuditLog audit, string dataDirectory, Guid receiver, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        this.store = store;
        this.audit = audit;
        this.dataDirectory = dataDirectory;
        this.receiver = receiver;
        this.http = http;
        this.time = time;
        policy = new SharingPolicySource(store, time);
        validator = new StixValidator(new StixValidatorOptions { PatternChecker = new Concord.Patterning.StixPatternChecker() });
    }

    /// <summary>The number of objects asked for per page.</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>
    /// Pulls every collection of a peer, each from where the last pull stopped. A failure of one collection is recorded in
    /// the state and does not stop the others.
    /// </summary>
    /// <param name="peer">The peer.</param>
    /// <param name="progress">Receives a report per stored page; may be null.</param>
    /// <param name="cancellationToken">Cancels the pull; what was stored stays stored and the next pull resumes after it.</param>
    /// <returns>The peer's state afterwards; <see cref="PeerSyncState.LastError"/> names what failed.</returns>
    public async Task<PeerSyncState> PullAsync(Peer peer, IProgress<PullProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var run = new PullRun(PeerSyncState.Load(dataDirectory, peer.Name) with { LastSyncAt = time.GetUtcNow() });
        var errors = new List<string>();
        foreach (var collection in peer.Collections)
        {
            try
            {
                await PullCollectionAsync(peer, collection, run, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (FederationException e)
            {
                errors.Add(e.Message);
            }
        }

        var state = errors.Count == 0
            ? run.State with { LastSuccessAt = run.State.LastSyncAt, LastError = null }
            : run.State with { LastError = string.Join(" | ", errors) };
        state.Save(dataDirectory, peer.Name);
        return state;
    }

    private async Task PullCollectionAsync(Peer peer, PeerCollection collection, PullRun run, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var subject = $"collection {collection.RemoteId}";
        if (await store.GetCollectionAsync(collection.LocalId, cancellationToken).ConfigureAwait(false) is not { } local)
        {
            throw new FederationException(peer.Name, subject, $"the local collection {collection.LocalId} does not exist.");
        }

        var organization = await store.GetOrganizationAsync(peer.OrganizationId, cancellationToken).ConfigureAwait(false)
            ?? throw new FederationException(peer.Name, subject, $"the peer's organization {peer.OrganizationId} does not exist.");
        var actor = new AuditEntryContext(AuditActor.Peer(peer.Name), new AuditOrganization(organization.Id, organization.Name), collection, local.Id);
        var publicKey = peer.Unsigned ? null : ImportKey(peer);
        var query = new TaxiiQuery { AddedAfter = run.Current(collection.RemoteId).AddedAfter, Limit = PageSize, Versions = ["all"] };

        // Three pages are in flight: the next one is fetched while this one is checked (signature, validation, entry
        // policy) while the one before is stored, so the peer's work, our checks and our disk writes overlap. Pages are
        // still stored, and the cursor moved, strictly in order: a page is handed to the store only once the one before
        // is stored. Leaving early cancels the fetch and waits for the page being stored.
        using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = FetchAsync(peer, collection, query, prefetch.Token);
        var storing = Task.CompletedTask;
        try
        {
            while (true)
            {
                var page = await pending.ConfigureAwait(false);
                var originNode = peer.Name;
                if (publicKey is not null)
                {
                    originNode = EnvelopeSignature.Verify(publicKey, page.Signature, page.RequestTarget, page.DateAddedFirst, page.DateAddedLast, page.Body, out var failure)
                        ?? await RefuseSignatureAsync(peer, actor, page, failure, cancellationToken).ConfigureAwait(false);
                }

                CheckedPage checkedPage;
                TaxiiQuery? next;
                using (var envelope = ParseEnvelope(peer, subject, page.Body))
                {
                    next = NextQuery(peer, subject, query, envelope, page);
                    if (next is not null)
                    {
                        pending = FetchAsync(peer, collection, next, prefetch.Token);
                    }

                    var view = (await policy.CurrentAsync(cancellationToken).ConfigureAwait(false)).For(receiver, SharingParty.Organization(peer.OrganizationId), AuditChannels.Federation);
                    checkedPage = CheckPage(peer, actor, view, originNode, page, envelope.Objects);
                }

                await storing.ConfigureAwait(false);
                storing = Task.Run(() => StorePageAsync(peer, actor, checkedPage, run, progress, cancellationToken), cancellationToken);
                if (next is null)
                {
                    await storing.ConfigureAwait(false);
                    return;
                }

                query = next;
            }
        }
        finally
        {
            await prefetch.CancelAsync().ConfigureAwait(false);
            await pending.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);

            // However the loop ended, the page being stored is waited for, so its state is written before the pull reports.
            // When the loop ended for another reason and storing failed too, only the first failure is reported: the
            // cursor did not move past that page, so the next pull tries it again.
            await storing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>The query for the page after <paramref name="envelope"/>, or null when it was the last (section 3.5).</summary>
    private static TaxiiQuery? NextQuery(Peer peer, string subject, TaxiiQuery query, ParsedEnvelope envelope, FetchedPage page)
    {
        if (envelope.More != true)
        {
            return null;
        }

        var next = !string.IsNullOrEmpty(envelope.Next) ? query with { Next = envelope.Next }
            : page.DateAddedLastInstant is { } last ? query with { Next = null, AddedAfter = last }
            : throw new FederationException(peer.Name, subject, "the page says 'more' but gives neither 'next' nor X-TAXII-Date-Added-Last, so the pull cannot go on (section 3.5).");
        return next == query
            ? throw new FederationException(peer.Name, subject, "the peer answered 'more' with the same position again; paging would never end.")
            : next;
    }

    private static PublicKey ImportKey(Peer peer)
    {
        try
        {
            return PublicKey.Import(SignatureAlgorithm.Ed25519, System.Text.Encoding.ASCII.GetBytes(peer.PublicKeyPem ?? string.Empty), KeyBlobFormat.PkixPublicKeyText);
        }
        catch (FormatException e)
        {
            throw new FederationException(peer.Name, null, "the configured public key is not an Ed25519 public key in PEM (SubjectPublicKeyInfo).", e);
        }
    }

    private async Task<string> RefuseSignatureAsync(Peer peer, AuditEntryContext context, FetchedPage page, string failure, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(new AuditEvent(AuditEntryKind.SignatureRefused)
        {
            Actor = context.Actor,
            Organization = context.Organization,
            Channel = AuditChannels.Federation,
            Reason = failure,
            Details = new JsonObject { ["peer"] = peer.Name, ["url"] = page.Url.ToString(), ["collection"] = context.Collection.RemoteId },
        }, cancellationToken).ConfigureAwait(false);
        throw new FederationException(peer.Name, $"collection {context.Collection.RemoteId}", $"page {page.Url} refused, nothing of it stored: {failure}.");
    }

    private async Task<FetchedPage> FetchAsync(Peer peer, PeerCollection collection, TaxiiQuery query, CancellationToken cancellationToken)
    {
        var subject = $"collection {collection.RemoteId}";
        var url = new Uri(peer.ApiRoot, $"collections/{Uri.EscapeDataString(collection.RemoteId)}/objects/{query.ToQueryString()}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(AcceptTaxii);
        if (new PeerRegistry(dataDirectory).TokenOf(peer) is { } token)
        {
            request.Headers.Authorization = TaxiiCredentials.Bearer(token).ToHeader();
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new FederationException(peer.Name, subject, $"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            if (!TaxiiMediaTypes.IsTaxii21ContentType(response.Content.Headers.ContentType?.ToString()))
            {
                throw new FederationException(peer.Name, subject, $"GET {url} answered with Content-Type '{response.Content.Headers.ContentType}', not {TaxiiMediaTypes.Taxii21}.");
            }

            var body = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false)
                ?? throw new FederationException(peer.Name, subject, $"GET {url} answered with a page larger than {MaxPageBytes} bytes.");
            return new FetchedPage(url, request.RequestUri!.PathAndQuery, body, Header(response, EnvelopeSignature.HeaderName),
                Header(response, "X-TAXII-Date-Added-First"), Header(response, "X-TAXII-Date-Added-Last"));
        }
        catch (HttpRequestException e)
        {
            throw new FederationException(peer.Name, subject, $"GET {url} failed: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new FederationException(peer.Name, subject, $"GET {url}: the response was cut: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FederationException(peer.Name, subject, $"GET {url} timed out.", e);
        }
    }

    private static async Task<byte[]?> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxPageBytes)
        {
            return null;
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (response.Content.Headers.ContentLength is { } length)
            {
                // The usual case (a Concord node always sends the length): read straight into the page's array.
                var body = new byte[length];
                await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
                return body;
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxPageBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static ParsedEnvelope ParseEnvelope(Peer peer, string subject, byte[] body)
    {
        JsonDocument document;
        try
        {
            // Parsed over the body itself, so each object's raw bytes are a slice of it (CheckPage stores them without a copy).
            document = JsonDocument.Parse(body.AsMemory());
        }
        catch (JsonException e)
        {
            throw new FederationException(peer.Name, subject, $"the page is not JSON: {e.Message}", e);
        }

        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FederationException(peer.Name, subject, "the page is not a TAXII envelope: $ is not a JSON object (section 3.7).");
            }

            var objects = new List<JsonElement>();
            if (root.TryGetProperty("objects", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    throw new FederationException(peer.Name, subject, "the page is not a TAXII envelope: $.objects is not an array (section 3.7).");
                }

                objects.AddRange(list.EnumerateArray());
            }

            bool? more = root.TryGetProperty("more", out var m) ? m.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new FederationException(peer.Name, subject, "the page is not a TAXII envelope: $.more is not a boolean (section 3.7)."),
            } : null;
            var next = root.TryGetProperty("next", out var n) ? n.ValueKind == JsonValueKind.String ? n.GetString()
                : throw new FederationException(peer.Name, subject, "the page is not a TAXII envelope: $.next is not a string (section 3.7).") : null;
            return new ParsedEnvelope(document, objects, more, next);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Checks a page's objects, each parsed once for validation and entry policy: what to store (redacted where the
    /// policy says so) with its provenance, and what is refused and why.
    /// </summary>
    private CheckedPage CheckPage(Peer peer, AuditEntryContext context, RecipientView view, string originNode, FetchedPage page, List<JsonElement> objects)
    {
        var receivedAt = time.GetUtcNow();
        var accepted = new List<ReadOnlyMemory<byte>>(objects.Count);
        var provenance = new List<Provenance>(objects.Count);
        var refused = new List<AuditObjectRef>();
        string? lastRefusal = null;
        for (var index = 0; index < objects.Count; index++)
        {
            var item = objects[index];
            var path = $"$.objects[{index.ToString(CultureInfo.InvariantCulture)}]";
            var id = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : null;
            var type = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString()! : null;
            var version = EntryPolicy.VersionOf(item);
            string? refusal = null;
            if (id is null || type is null)
            {
                refusal = $"{path} is not a STIX object with a string id and type";
            }
            else if (validator.ValidateObject(item, path) is { IsValid: false } report)
            {
                refusal = $"{id} ({path}) is not valid STIX: {report.Errors[0]}";
            }

            var json = SliceOf(page.Body, item);
            if (refusal is null)
            {
                var decision = EntryPolicy.Decide(view, item, new ObjectVersion(id!, type!, version ?? string.Empty, json));
                if (!decision.Discloses)
                {
                    refusal = $"{id} ({path}) is not accepted from this peer: {decision.Reason}";
                }
                else if (decision.Outcome == PolicyOutcome.Redact)
                {
                    json = Redactor.Apply(json, decision.Redactions);
                }
            }

            if (refusal is not null)
            {
                lastRefusal = $"peer '{peer.Name}': {refusal}";
                refused.Add(new AuditObjectRef(id ?? path, version) { Outcome = "refused" });
                continue;
            }

            accepted.Add(json);
            provenance.Add(new Provenance(context.LocalCollection, id!, version ?? string.Empty, originNode, peer.Name, receivedAt));
        }

        return new CheckedPage(originNode, page.DateAddedLastInstant, objects.Count, accepted, provenance, refused, lastRefusal);
    }

    /// <summary>An object's bytes as a slice of the page body it was parsed from, so that a page's objects are not copied one by one.</summary>
    private static ReadOnlyMemory<byte> SliceOf(byte[] body, JsonElement item)
    {
        var raw = JsonMarshal.GetRawUtf8Value(item);
        return body.AsSpan().Overlaps(raw, out var offset) ? body.AsMemory(offset, raw.Length) : raw.ToArray();
    }

    /// <summary>
    /// Stores a checked page: its provenance flushed first (write-ahead; the same flush makes the state after the page
    /// before durable), then the objects, the audit entry, and the state with the cursor after this page.
    /// </summary>
    private async Task StorePageAsync(Peer peer, AuditEntryContext context, CheckedPage page, PullRun run, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var refs = new List<AuditObjectRef>(page.Count);
        refs.AddRange(page.Refused);
        var lastRefusal = page.LastRefusal;
        var added = 0;
        var duplicates = 0;
        var refused = page.Refused.Count;
        if (page.Accepted.Count > 0)
        {
            ProvenanceLog.Append(dataDirectory, peer.Name, page.Provenance);
            IReadOnlyList<AddObjectResult> results;
            try
            {
                results = await store.AddObjectsAsync(context.LocalCollection, page.Accepted, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageException e)
            {
                throw new FederationException(peer.Name, $"collection {context.Collection.RemoteId}", $"the page could not be stored: {e.Message}", e);
            }

            foreach (var result in results)
            {
                var outcome = result.Outcome switch
                {
                    AddOutcome.Added => "added",
                    AddOutcome.AlreadyPresent => "duplicate",
                    _ => "refused",
                };
                added += result.Outcome == AddOutcome.Added ? 1 : 0;
                duplicates += result.Outcome == AddOutcome.AlreadyPresent ? 1 : 0;
                if (result.Outcome == AddOutcome.Rejected)
                {
                    refused++;
                    lastRefusal = $"peer '{peer.Name}': {result.Id} was rejected by the store: {result.Message}";
                }

                refs.Add(new AuditObjectRef(result.Id, result.Version) { Outcome = outcome });
            }
        }

        if (refs.Count > 0)
        {
            await audit.AppendAsync(new AuditEvent(AuditEntryKind.Ingest)
            {
                Actor = context.Actor,
                Organization = context.Organization,
                Channel = AuditChannels.Federation,
                Objects = refs,
                Reason = lastRefusal,
                Details = new JsonObject { ["peer"] = peer.Name, ["collection"] = context.LocalCollection.ToString("D"), ["remote_collection"] = context.Collection.RemoteId, ["origin_node"] = page.OriginNode },
            }, cancellationToken).ConfigureAwait(false);
        }

        var current = run.Current(context.Collection.RemoteId);
        run.Move(context.Collection.RemoteId, current with
        {
            AddedAfter = page.DateAddedLast ?? current.AddedAfter,
            Added = current.Added + added,
            Duplicates = current.Duplicates + duplicates,
            Refused = current.Refused + refused,
            LastRefusal = lastRefusal ?? current.LastRefusal,
        });
        run.State.Append(dataDirectory, peer.Name, durable: false);
        progress?.Report(new PullProgress(peer.Name, context.Collection.RemoteId, added, duplicates, refused));
    }

    private sealed record AuditEntryContext(AuditActor Actor, AuditOrganization Organization, PeerCollection Collection, Guid LocalCollection);

    private sealed record ParsedEnvelope(JsonDocument Document, List<JsonElement> Objects, bool? More, string? Next) : IDisposable
    {
        public void Dispose() => Document.Dispose();
    }

    /// <summary>A page checked and ready to store: the accepted objects are slices of the page body (or redacted copies).</summary>
    private sealed record CheckedPage(string OriginNode, DateTimeOffset? DateAddedLast, int Count, List<ReadOnlyMemory<byte>> Accepted,
        List<Provenance> Provenance, List<AuditObjectRef> Refused, string? LastRefusal);

    /// <summary>A pull's state as its pages are stored; one page is stored at a time, so it needs no lock.</summary>
    private sealed class PullRun(PeerSyncState state)
    {
        public PeerSyncState State { get; private set; } = state;

        public CollectionSyncState Current(string collection) => State.Collections.GetValueOrDefault(collection) ?? new CollectionSyncState();

        public void Move(string collection, CollectionSyncState moved) =>
            State = State with { Collections = new Dictionary<string, CollectionSyncState>(State.Collections, StringComparer.Ordinal) { [collection] = moved } };
    }

    private sealed record FetchedPage(Uri Url, string RequestTarget, byte[] Body, string? Signature, string? DateAddedFirst, string? DateAddedLast)
    {
        public DateTimeOffset? DateAddedLastInstant => TaxiiTimestamp.TryParse(DateAddedLast, out var instant) ? instant : null;
    }
}

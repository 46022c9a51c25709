// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Concord.Stix;
using Concord.Stix.Json;
using Concord.Stix.Validation;
using Concord.Storage;
using Concord.Storage.Accounts;
using Concord.Storage.Collections;
using Concord.Storage.Objects;
using Concord.Storage.Status;
using Concord.Taxii.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Taxii.Server.Internal;

/// <summary>The TAXII 2.1 endpoints (sections 4 and 5). Each handler negotiates, authenticates, authorises, then answers.</summary>
internal sealed class TaxiiHandlers
{
    private const int MaxMessageFindings = 3;
    private const int ParallelValidationThreshold = 64;
    private static readonly string[] Versions21 = [TaxiiMediaTypes.Taxii21];

    private readonly IConcordStore store;
    private readonly TaxiiServerOptions options;
    private readonly Authenticator authenticator;
    private readonly StixValidator validator;
    private readonly TimeProvider time;
    private readonly SharingEnforcement? enforcement;

    public TaxiiHandlers(IConcordStore store, TaxiiServerOptions options, Authenticator authenticator, StixValidator validator, TimeProvider time, SharingEnforcement? enforcement)
    {
        this.store = store;
        this.options = options;
        this.authenticator = authenticator;
        this.validator = validator;
        this.time = time;
        this.enforcement = enforcement;
    }

    /// <summary>GET /taxii2/ (section 4.1).</summary>
    public async Task DiscoveryAsync(HttpContext context)
    {
        await BeginAsync(context).ConfigureAwait(false);
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/taxii2/";
        var discovery = new Discovery
        {
            Title = options.Title,
            Description = options.Description,
            Contact = options.Contact,
            Default = options.ApiRoots.ContainsKey(options.DefaultApiRoot) ? baseUrl + options.DefaultApiRoot + "/" : null,
            ApiRoots = options.ApiRoots.Count == 0 ? null : options.ApiRoots.Keys.Order(StringComparer.Ordinal).Select(name => baseUrl + name + "/").ToArray(),
        };
        await TaxiiResponses.WriteAsync(context, StatusCodes.Status200OK, discovery, TaxiiJsonContext.Wire.Discovery).ConfigureAwait(false);
    }

    /// <summary>GET /taxii2/{root}/ (section 4.2).</summary>
    public async Task ApiRootAsync(HttpContext context)
    {
        await BeginAsync(context).ConfigureAwait(false);
        var (_, settings) = Root(context);
        var root = new ApiRoot { Title = settings.Title, Description = settings.Description, Versions = Versions21, MaxContentLength = options.MaxContentLength };
        await TaxiiResponses.WriteAsync(context, StatusCodes.Status200OK, root, TaxiiJsonContext.Wire.ApiRoot).ConfigureAwait(false);
    }

    /// <summary>GET /taxii2/{root}/status/{id}/ (section 4.3): only the organization that made the request sees its status.</summary>
    public async Task StatusAsync(HttpContext context)
    {
        var caller = await BeginAsync(context).ConfigureAwait(false);
        var (root, _) = Root(context);
        if (!Guid.TryParse(RouteValue(context, "statusId"), out var statusId))
        {
            throw TaxiiProblem.NotFound("status");
        }

        var status = await store.GetStatusAsync(statusId, context.RequestAborted).ConfigureAwait(false);
        if (status is null || !string.Equals(status.ApiRoot, root, StringComparison.Ordinal) || status.OrganizationId != caller.OrganizationId)
        {
            throw TaxiiProblem.NotFound("status");
        }

        await TaxiiResponses.WriteAsync(context, StatusCodes.Status200OK, ToResource(status), TaxiiJsonContext.Wire.TaxiiStatus).ConfigureAwait(false);
    }

    /// <summary>GET /taxii2/{root}/collections/ (section 5.1): the collections the caller may read or write.</summary>
    public async Task CollectionsAsync(HttpContext context)
    {
        var caller = await BeginAsync(context).ConfigureAwait(false);
        var (root, _) = Root(context);
        var collections = await store.ListCollectionsAsync(root, context.RequestAborted).ConfigureAwait(false);
        var grants = (await store.ListGrantsAsync(caller.OrganizationId, context.RequestAborted).ConfigureAwait(false))
            .ToDictionary(g => g.CollectionId);
        var visible = collections
            .Where(c => grants.TryGetValue(c.Id, out var g) && (g.CanRead || g.CanWrite))
            .Select(c => ToResource(c, grants[c.Id]))
            .ToArray();
        var resource = new TaxiiCollections { Collections = visible.Length == 0 ? null : visible };
        await TaxiiResponses.WriteAsync(context, StatusCodes.Status200OK, resource, TaxiiJsonContext.Wire.TaxiiCollections).ConfigureAwait(false);
    }

    /// <summary>GET /taxii2/{root}/collections/{id}/ (section 5.2).</summary>
    public async Task CollectionAsync(HttpContext context)
    {
        var caller = await BeginAsync(context).ConfigureAwait(false);
        var (collection, grant) = await VisibleCollectionAsync(context, caller).ConfigureAwait(false);
        await TaxiiResponses.WriteAsync(context, StatusCodes.Status200OK, ToResource(collection, grant), TaxiiJsonContext.Wire.TaxiiCollection).ConfigureAwait(false);
    }

    /// <summary>GET /taxii2/{root}/collections/{id}/manifest/ (section 5.3).</summary>
    public async Task ManifestAsync(HttpContext context)
    {
        var caller = await BeginAsync(context, alsoStix: true).ConfigureAwait(false);
        var collection = await ReadableCollectionAsync(context, caller).ConfigureAwait(false);
        var query = QueryParser.Parse(context.Request.Query, FilterSet.Objects, options);
        var page = await ReadAsync(context, caller, collection, query, "manifest", null).ConfigureAwait(false);
        var manifest = new Manifest
        {
            More = page.More ? true : null,
            Next = page.Next?.ToString(),
            Objects = page.Items.Count == 0 ? null : page.Items.Select(item => new Resources.ManifestRecord
            {
                Id = item.Version.Id,
                DateAdded = item.Version.DateAdded.ToString(),
                Version = item.Version.Version,
                MediaType = "application/stix+json;version=" + item.Version.SpecVersion,
            }).ToArray(),
        };
        await page.Recorded.ConfigureAwait(false);
        DateHeaders(context, page.DateAddedFirst, page.DateAddedLast);
        await TaxiiResponses.WriteAsync(context, StatusCodes.Status200OK, manifest, TaxiiJsonContext.Wire.Manifest).ConfigureAwait(false);
    }

    /// <summary>GET /taxii2/{root}/collections/{id}/objects/ (section 5.4).</summary>
    public async Task GetObjectsAsync(HttpContext context)
    {
        var caller = await BeginAsync(context).ConfigureAwait(false);
        var collection = await ReadableCollectionAsync(context, caller).ConfigureAwait(false);
        var query = QueryParser.Parse(context.Request.Query, FilterSet.Objects, options);
        if (enforcement is null)
        {
            // No policy to apply per object: the page goes out as stored, without an object per row.
            using var stored = await store.GetObjectsJsonAsync(collection.Id, query, context.RequestAborted).ConfigureAwait(false);
            await TaxiiResponses.WriteEnvelopeAsync(context, stored).ConfigureAwait(false);
            return;
        }

        await enforcement.WriteObjectsAsync(context, caller, collection, query).ConfigureAwait(false);
    }

    /// <summary>GET /taxii2/{root}/collections/{id}/objects/{object-id}/ (section 5.6).</summary>
    public async Task GetObjectAsync(HttpContext context)
    {
        var caller = await BeginAsync(context).ConfigureAwait(false);
        var collection = await ReadableCollectionAsync(context, caller).ConfigureAwait(false);
        var objectId = ObjectId(context);
        var query = QueryParser.Parse(context.Request.Query, FilterSet.Object, options) with { Ids = [objectId] };
        var page = await ReadAsync(context, caller, collection, query, "object", objectId).ConfigureAwait(false);
        await WriteEnvelopeAsync(context, page).ConfigureAwait(false);
    }

    /// <summary>GET /taxii2/{root}/collections/{id}/objects/{object-id}/versions/ (section 5.8).</summary>
    public async Task VersionsAsync(HttpContext context)
    {
        var caller = await BeginAsync(context).ConfigureAwait(false);
        var collection = await ReadableCollectionAsync(context, caller).ConfigureAwait(false);
        var objectId = ObjectId(context);
        var query = QueryParser.Parse(context.Request.Query, FilterSet.Versions, options) with { Ids = [objectId], Types = null, Versions = VersionFilter.AllVersions };
        var page = await ReadAsync(context, caller, collection, query, "versions", objectId).ConfigureAwait(false);
        var versions = new Resources.Versions
        {
            More = page.More ? true : null,
            Next = page.Next?.ToString(),
            Items = page.Items.Count == 0 ? null : page.Items.Select(item => item.Version.Version).ToArray(),
        };
        await page.Recorded.ConfigureAwait(false);
        DateHeaders(context, page.DateAddedFirst, page.DateAddedLast);
        await TaxiiResponses.WriteAsync(context, StatusCodes.Status200OK, versions, TaxiiJsonContext.Wire.Versions).ConfigureAwait(false);
    }

    /// <summary>DELETE /taxii2/{root}/collections/{id}/objects/{object-id}/ (section 5.7): needs both read and write.</summary>
    public async Task DeleteObjectAsync(HttpContext context)
    {
        var caller = await BeginAsync(context).ConfigureAwait(false);
        var (collection, grant) = await VisibleCollectionAsync(context, caller).ConfigureAwait(false);
        if (!grant.CanRead || !grant.CanWrite)
        {
            throw TaxiiProblem.Forbidden("Deleting needs both read and write access to the collection.");
        }

        var objectId = ObjectId(context);
        var query = QueryParser.Parse(context.Request.Query, FilterSet.Delete, options);
        var versions = context.Request.Query.ContainsKey("match[version]") ? query.Versions : null;
        var deleted = await store.DeleteObjectAsync(collection.Id, objectId, versions, query.SpecVersions, context.RequestAborted).ConfigureAwait(false);
        if (deleted == 0)
        {
            throw TaxiiProblem.NotFound("object");
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = TaxiiResponses.ContentType;
        context.Response.ContentLength = 0;
    }

    /// <summary>POST /taxii2/{root}/collections/{id}/objects/ (section 5.5): validates each object and records a verdict per object.</summary>
    public async Task AddObjectsAsync(HttpContext context)
    {
        var caller = await BeginAsync(context).ConfigureAwait(false);
        if (!TaxiiMediaTypes.IsTaxii21ContentType(context.Request.ContentType))
        {
            throw TaxiiProblem.UnsupportedMediaType();
        }

        var (root, _) = Root(context);
        var (collection, grant) = await VisibleCollectionAsync(context, caller).ConfigureAwait(false);
        if (!grant.CanWrite)
        {
            throw TaxiiProblem.Forbidden("You may read this collection but not add objects to it.");
        }

        if (context.Request.ContentLength > options.MaxContentLength)
        {
            await DrainAsync(context).ConfigureAwait(false);
            throw TaxiiProblem.TooLarge(options.MaxContentLength);
        }

        var requestTimestamp = StixTimestamp.Parse(TaxiiTimestamp.Format(time.GetUtcNow()));
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            throw new TaxiiProblem(StatusCodes.Status400BadRequest, "bad-json", "The body is not well-formed JSON", "The body is not valid UTF-8 (RFC 8259 section 8.1).");
        }

        var screen = await OpenGateAsync(context, caller, collection, body).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, StixJson.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new TaxiiProblem(StatusCodes.Status400BadRequest, "bad-json", "The body is not well-formed JSON",
                $"At line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: the JSON is malformed, truncated or nested deeper than {StixJson.DocumentOptions.MaxDepth} levels.");
        }

        using (document)
        {
            var envelope = document.RootElement;
            if (envelope.ValueKind != JsonValueKind.Object)
            {
                throw TaxiiProblem.Unprocessable("The body must be a TAXII envelope: a JSON object with an \"objects\" list.");
            }

            var objects = envelope.TryGetProperty("objects", out var list) ? list : default;
            if (objects.ValueKind is not (JsonValueKind.Array or JsonValueKind.Undefined))
            {
                throw TaxiiProblem.Unprocessable("The envelope's \"objects\" property must be a list of STIX objects.");
            }

            var status = await AddAsync(caller, root, collection, objects, body, requestTimestamp, screen, context.RequestAborted).ConfigureAwait(false);
            await context.RequestServices.GetRequiredService<IngestAudit>().RecordAsync(caller, root, collection, status, context.RequestAborted).ConfigureAwait(false);
            await TaxiiResponses.WriteAsync(context, StatusCodes.Status202Accepted, ToResource(status), TaxiiJsonContext.Wire.TaxiiStatus).ConfigureAwait(false);
        }
    }

    /// <summary>The ingest gate's screen for this POST (null when there is no gate or it does not apply); its refusal answers the request.</summary>
    private async Task<IIngestScreen?> OpenGateAsync(HttpContext context, Caller caller, CollectionInfo collection, ReadOnlyMemory<byte> body)
    {
        if (options.IngestGate is not { } gate)
        {
            return null;
        }

        var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var signature = context.Request.Headers[Signing.EnvelopeSignature.HeaderName].FirstOrDefault();
        try
        {
            return await gate.OpenAsync(new IngestRequest(caller.OrganizationId, collection.Id, context.Request.Method, target, signature, body), context.RequestAborted).ConfigureAwait(false);
        }
        catch (IngestRefusedException e)
        {
            throw new TaxiiProblem(e.StatusCode, "refused", "The request is refused", e.Message);
        }
    }

    private async Task<StatusResource> AddAsync(Caller caller, string root, CollectionInfo collection, JsonElement objects, ReadOnlyMemory<byte> body, StixTimestamp requestTimestamp, IIngestScreen? screen, CancellationToken cancellationToken)
    {
        var total = objects.ValueKind == JsonValueKind.Array ? objects.GetArrayLength() : 0;
        var items = new JsonElement[total];
        var refusals = new string?[total];
        var index = 0;
        if (total > 0)
        {
            foreach (var item in objects.EnumerateArray())
            {
                items[index++] = item;
            }
        }

        // Validation is CPU-bound and independent per object (the validator and a parsed document are safe for
        // concurrent reads), so large envelopes are checked on every core.
        if (total >= ParallelValidationThreshold)
        {
            Parallel.For(0, total, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                i => refusals[i] = Check(items[i], PathOf(i)));
        }
        else
        {
            for (var i = 0; i < total; i++)
            {
                refusals[i] = Check(items[i], PathOf(i));
            }
        }

        var verdicts = new StatusDetail?[total];
        var accepted = new List<ReadOnlyMemory<byte>>(total);
        var acceptedIndex = new List<int>(total);
        for (var i = 0; i < total; i++)
        {
            if (refusals[i] is { } refusal)
            {
                verdicts[i] = new StatusDetail(IdOf(items[i], PathOf(i)), VersionOf(items[i]), refusal);
            }
            else
            {
                accepted.Add(RawSlice(body, items[i]));
                acceptedIndex.Add(i);
            }
        }

        if (screen is not null && accepted.Count > 0)
        {
            var screened = await screen.ScreenAsync([.. acceptedIndex.Select(i => items[i])], cancellationToken).ConfigureAwait(false);
            for (var i = accepted.Count - 1; i >= 0; i--)
            {
                if (screened[i].Refusal is { } refusal)
                {
                    verdicts[acceptedIndex[i]] = new StatusDetail(IdOf(items[acceptedIndex[i]], PathOf(acceptedIndex[i])), VersionOf(items[acceptedIndex[i]]), refusal);
                    accepted.RemoveAt(i);
                    acceptedIndex.RemoveAt(i);
                }
                else
                {
                    accepted[i] = screened[i].Json;
                }
            }
        }

        // The status is complete once the objects are stored, so it is committed in the objects' transaction:
        // one fsync per POST, and a status that exists only if its objects do.
        return await store.AddObjectsWithStatusAsync(
            collection.Id,
            accepted,
            results =>
            {
                for (var i = 0; i < results.Count; i++)
                {
                    var result = results[i];
                    verdicts[acceptedIndex[i]] = new StatusDetail(result.Id, result.Version, result.IsSuccess ? null : result.Message ?? "The store refused the object.");
                }

                var successes = new List<StatusDetail>(total);
                var failures = new List<StatusDetail>();
                foreach (var verdict in verdicts)
                {
                    (verdict!.Message is null ? successes : failures).Add(verdict);
                }

                return new StatusResource(Guid.NewGuid(), root, StatusResource.Complete)
                {
                    OrganizationId = caller.OrganizationId,
                    CollectionId = collection.Id,
                    RequestTimestamp = requestTimestamp,
                    TotalCount = total,
                    SuccessCount = successes.Count,
                    FailureCount = failures.Count,
                    PendingCount = 0,
                    Successes = successes,
                    Failures = failures,
                };
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Why an object is refused, or null when it is valid STIX 2.1. Messages name rule ids and paths, never content.</summary>
    private string? Check(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return $"[envelope-object] {path}: each item of \"objects\" must be a STIX object (a JSON object).";
        }

        if (item.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals("bundle"u8))
        {
            return $"[envelope-bundle] {path}: a bundle is not a STIX object; post its objects in the envelope instead.";
        }

        var report = validator.ValidateObject(item, path);
        if (report.IsValid)
        {
            return null;
        }

        var messages = report.Errors.Take(MaxMessageFindings).Select(f => $"[{f.Rule.Id}] {f.Path}: {f.Message}");
        var more = report.Errors.Count > MaxMessageFindings ? $" (and {report.Errors.Count - MaxMessageFindings} more errors)" : string.Empty;
        return string.Join("; ", messages) + more;
    }

    /// <summary>
    /// The object's bytes as received, never re-serialized nor copied: a slice of the request body, which the envelope's
    /// document was parsed from (and which stays unchanged until the store has written it).
    /// </summary>
    private static ReadOnlyMemory<byte> RawSlice(ReadOnlyMemory<byte> body, JsonElement item)
    {
        var raw = JsonMarshal.GetRawUtf8Value(item);
        return body.Span.Overlaps(raw, out var offset)
            ? body.Slice(offset, raw.Length)
            : throw new InvalidOperationException("The envelope's objects were not parsed from the request body.");
    }

    private static string PathOf(int index) => string.Create(CultureInfo.InvariantCulture, $"$.objects[{index}]");

    private static string IdOf(JsonElement item, string path) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 and <= 300 } text
            ? text
            : path;

    private static string VersionOf(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        foreach (var name in (ReadOnlySpan<string>)["modified", "created"])
        {
            if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: <= 64 } text && StixTimestamp.TryParse(text, out _))
            {
                return text;
            }
        }

        return string.Empty;
    }

    private async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            if (result.Buffer.Length > options.MaxContentLength)
            {
                reader.AdvanceTo(result.Buffer.End);
                await DrainAsync(context).ConfigureAwait(false);
                throw TaxiiProblem.TooLarge(options.MaxContentLength);
            }

            if (result.IsCompleted)
            {
                var bytes = result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return bytes;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>
    /// Reads and discards the rest of an oversize body, so that a client still sending it sees the 413 rather than a
    /// reset connection. Kestrel stops at twice max_content_length (<see cref="ListenerSetup"/>); beyond that the
    /// connection is closed after the answer.
    /// </summary>
    private static async Task DrainAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (BadHttpRequestException)
        {
            // Over Kestrel's limit too: the 413 is still written, then Kestrel closes the connection.
        }
    }

    /// <summary>
    /// Reads one page through the policy decision point (every read exit goes through here), audits it, and answers 404 for
    /// an object the caller may receive no version of, exactly as for an object that does not exist.
    /// </summary>
    private async Task<DisclosedPage> ReadAsync(HttpContext context, Caller caller, CollectionInfo collection, ObjectQuery query, string endpoint, string? objectId)
    {
        var cancellationToken = context.RequestAborted;
        if (enforcement is null)
        {
            var page = await store.GetObjectsAsync(collection.Id, query, cancellationToken).ConfigureAwait(false);
            if (objectId is not null && page.Items.Count == 0 && !await ExistsAsync(collection.Id, objectId, cancellationToken).ConfigureAwait(false))
            {
                throw TaxiiProblem.NotFound("object");
            }

            return DisclosedPage.Unfiltered(page);
        }

        var scope = await enforcement.ScopeAsync(caller, collection, endpoint, cancellationToken).ConfigureAwait(false);
        var disclosed = await scope.ReadAsync(query, cancellationToken).ConfigureAwait(false);
        var found = objectId is null || disclosed.Items.Count > 0 || await scope.AnyDisclosedAsync(objectId, cancellationToken).ConfigureAwait(false);

        // Audited before anything is sent: a disclosure that cannot be recorded does not happen (the request fails with a
        // clean error). The writers await page.Recorded before they touch the response, so the audit write overlaps the
        // work between here and there.
        var recorded = scope.AuditAsync(cancellationToken);
        if (!found)
        {
            await recorded.ConfigureAwait(false);
            throw TaxiiProblem.NotFound("object");
        }

        return disclosed with { Recorded = recorded };
    }

    private static async Task WriteEnvelopeAsync(HttpContext context, DisclosedPage page)
    {
        // Before the first byte of the body is even buffered: Kestrel commits the response when its body writer hands out
        // memory, after which an audit failure could only abort the connection instead of answering with an error.
        await page.Recorded.ConfigureAwait(false);
        DateHeaders(context, page.DateAddedFirst, page.DateAddedLast);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = TaxiiResponses.ContentType;
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            if (page.More)
            {
                writer.WriteBoolean("more"u8, true);
                if (page.Next is { } next)
                {
                    writer.WriteString("next"u8, next.ToString());
                }
            }

            if (page.Items.Count > 0)
            {
                writer.WriteStartArray("objects"u8);
                foreach (var item in page.Items)
                {
                    // Stored bytes are the JSON received and validated at ingest; they are written back byte for byte,
                    // unless the policy redacted them (then they are the redactor's serialization of the same object).
                    writer.WriteRawValue(item.Json.Span, skipInputValidation: true);
                    if (writer.BytesPending > 32 * 1024)
                    {
                        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                    }
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }
    }

    private static void DateHeaders(HttpContext context, DateAdded? first, DateAdded? last)
    {
        if (first is { } f && last is { } l)
        {
            context.Response.Headers["X-TAXII-Date-Added-First"] = f.ToString();
            context.Response.Headers["X-TAXII-Date-Added-Last"] = l.ToString();
        }
    }

    private async Task<bool> ExistsAsync(Guid collectionId, string objectId, CancellationToken cancellationToken)
    {
        var any = await store.GetVersionsAsync(collectionId, objectId, ObjectQuery.Default with { Limit = 1 }, cancellationToken).ConfigureAwait(false);
        return any.Items.Count > 0;
    }

    /// <summary>Content negotiation (406) then authentication (401); the order keeps unauthenticated probes from learning anything.</summary>
    private async Task<Caller> BeginAsync(HttpContext context, bool alsoStix = false)
    {
        if (!TaxiiMediaTypes.AcceptsTaxii21(context.Request.Headers.Accept.ToString(), alsoStix))
        {
            throw TaxiiProblem.NotAcceptable();
        }

        return await authenticator.AuthenticateAsync(context).ConfigureAwait(false);
    }

    private (string Name, ApiRootSettings Settings) Root(HttpContext context)
    {
        var name = RouteValue(context, "root");
        return options.ApiRoots.TryGetValue(name, out var settings) ? (name, settings) : throw TaxiiProblem.NotFound("API root");
    }

    /// <summary>The collection with the caller's grant, or 404 when it does not exist, is in another API root, or the caller has no access.</summary>
    private async Task<(CollectionInfo Collection, CollectionGrant Grant)> VisibleCollectionAsync(HttpContext context, Caller caller)
    {
        var (root, _) = Root(context);
        if (!Guid.TryParse(RouteValue(context, "collectionId"), out var collectionId))
        {
            throw TaxiiProblem.NotFound("collection");
        }

        var grant = await store.GetGrantAsync(collectionId, caller.OrganizationId, context.RequestAborted).ConfigureAwait(false);
        if (grant is null || !(grant.CanRead || grant.CanWrite))
        {
            throw TaxiiProblem.NotFound("collection");
        }

        var collection = await store.GetCollectionAsync(collectionId, context.RequestAborted).ConfigureAwait(false);
        if (collection is null || !string.Equals(collection.ApiRoot, root, StringComparison.Ordinal))
        {
            throw TaxiiProblem.NotFound("collection");
        }

        return (collection, grant);
    }

    private async Task<CollectionInfo> ReadableCollectionAsync(HttpContext context, Caller caller)
    {
        var (collection, grant) = await VisibleCollectionAsync(context, caller).ConfigureAwait(false);
        return grant.CanRead ? collection : throw TaxiiProblem.Forbidden("You may add objects to this collection but not read it.");
    }

    private static string ObjectId(HttpContext context)
    {
        var id = RouteValue(context, "objectId");
        return StixIdentifier.TryParse(id, out _) ? id : throw TaxiiProblem.NotFound("object");
    }

    private static string RouteValue(HttpContext context, string name) =>
        context.Request.RouteValues[name] as string ?? string.Empty;

    private static TaxiiCollection ToResource(CollectionInfo collection, CollectionGrant grant) => new()
    {
        Id = collection.Id.ToString("D"),
        Title = collection.Title,
        Description = collection.Description,
        Alias = collection.Alias,
        CanRead = grant.CanRead,
        CanWrite = grant.CanWrite,
        MediaTypes = collection.MediaTypes.Count == 0 ? null : collection.MediaTypes,
    };

    private static TaxiiStatus ToResource(StatusResource status) => new()
    {
        Id = status.Id.ToString("D"),
        Status = status.Status,
        RequestTimestamp = status.RequestTimestamp is { } t ? TaxiiTimestamp.Format(t.Instant) : null,
        TotalCount = status.TotalCount,
        SuccessCount = status.SuccessCount,
        Successes = Details(status.Successes),
        FailureCount = status.FailureCount,
        Failures = Details(status.Failures),
        PendingCount = status.PendingCount,
        Pendings = Details(status.Pendings),
    };

    private static StatusDetails[]? Details(IReadOnlyList<StatusDetail> details) =>
        details.Count == 0 ? null : details.Select(d => new StatusDetails(d.Id, d.Version, d.Message)).ToArray();
}

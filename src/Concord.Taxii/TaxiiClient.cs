// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Concord.Taxii.Resources;

namespace Concord.Taxii;

/// <summary>
/// A TAXII 2.1 client over <see cref="HttpClient"/>: discovery, API roots, status, collections, objects (get with every
/// filter, paging through <c>next</c>, add, delete), object, manifest and versions.
/// </summary>
/// <remarks>
/// Thread-safe when the <see cref="HttpClient"/> is. Every failure is a <see cref="TaxiiException"/> whose
/// <see cref="TaxiiException.Kind"/> tells bad input (nothing was sent) from the peer's refusal or failure, and whose
/// <see cref="TaxiiException.IsRetryable"/> tells whether to try again. API root URLs end with a slash, as in discovery.
/// </remarks>
public sealed class TaxiiClient
{
    /// <summary>The largest error body read from a peer, so that a hostile peer cannot exhaust memory.</summary>
    private const int MaxErrorBody = 64 * 1024;

    private const int DefaultBodyBuffer = 64 * 1024;
    private const int InitialBodyBufferLimit = 16 * 1024 * 1024;

    private static readonly MediaTypeWithQualityHeaderValue AcceptTaxii = MediaTypeWithQualityHeaderValue.Parse(TaxiiMediaTypes.Taxii21);
    private static readonly ProductInfoHeaderValue UserAgent = new("Concord", "1.0");

    private readonly HttpClient http;
    private readonly TaxiiCredentials? credentials;

    /// <summary>Creates a client.</summary>
    /// <param name="http">The HTTP client; its lifetime is the caller's.</param>
    /// <param name="credentials">The credentials sent with every request; none when null.</param>
    public TaxiiClient(HttpClient http, TaxiiCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        this.http = http;
        this.credentials = credentials;
    }

    /// <summary>Gets the discovery resource (section 4.1).</summary>
    /// <param name="discoveryUrl">The discovery URL, e.g. <c>https://host/taxii2/</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="TaxiiException">The request failed.</exception>
    public Task<Discovery> GetDiscoveryAsync(Uri discoveryUrl, CancellationToken cancellationToken = default) =>
        GetAsync(RequireAbsolute(discoveryUrl), TaxiiJsonContext.Wire.Discovery, cancellationToken);

    /// <summary>Resolves an API root URL from a discovery resource against the discovery URL (relative roots begin with <c>/</c>).</summary>
    /// <param name="discoveryUrl">The discovery URL.</param>
    /// <param name="apiRoot">An entry of <see cref="Discovery.ApiRoots"/> or <see cref="Discovery.Default"/>.</param>
    /// <exception cref="TaxiiException">The entry is not a valid API root URL (kind <see cref="TaxiiErrorKind.InvalidResponse"/>).</exception>
    public static Uri ResolveApiRoot(Uri discoveryUrl, string apiRoot)
    {
        ArgumentNullException.ThrowIfNull(discoveryUrl);
        ArgumentNullException.ThrowIfNull(apiRoot);
        if (apiRoot.StartsWith("//", StringComparison.Ordinal) || apiRoot.StartsWith("../", StringComparison.Ordinal) || apiRoot.Contains('?', StringComparison.Ordinal)
            || !Uri.TryCreate(RequireAbsolute(discoveryUrl), apiRoot, out var resolved))
        {
            throw new TaxiiException(TaxiiErrorKind.InvalidResponse, $"'{apiRoot}' is not a valid API root URL (section 4.1.1).");
        }

        return WithTrailingSlash(resolved);
    }

    /// <summary>Gets an API root's information (section 4.2).</summary>
    /// <param name="apiRoot">The API root URL.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="TaxiiException">The request failed.</exception>
    public Task<ApiRoot> GetApiRootAsync(Uri apiRoot, CancellationToken cancellationToken = default) =>
        GetAsync(Root(apiRoot), TaxiiJsonContext.Wire.ApiRoot, cancellationToken);

    /// <summary>Gets a status resource (section 4.3).</summary>
    /// <param name="apiRoot">The API root URL.</param>
    /// <param name="statusId">The status id from an Add Objects response.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="TaxiiException">The request failed.</exception>
    public Task<TaxiiStatus> GetStatusAsync(Uri apiRoot, string statusId, CancellationToken cancellationToken = default) =>
        GetAsync(Under(apiRoot, "status", Segment(statusId, nameof(statusId))), TaxiiJsonContext.Wire.TaxiiStatus, cancellationToken);

    /// <summary>Polls a status resource until it is complete.</summary>
    /// <param name="apiRoot">The API root URL.</param>
    /// <param name="status">The status returned by <see cref="AddObjectsAsync(Uri, string, IEnumerable{JsonElement}, CancellationToken)"/>.</param>
    /// <param name="pollInterval">The delay between polls.</param>
    /// <param name="cancellationToken">Cancels the wait; use a timeout token to bound it.</param>
    /// <exception cref="TaxiiException">A poll failed.</exception>
    public async Task<TaxiiStatus> WaitForStatusAsync(Uri apiRoot, TaxiiStatus status, TimeSpan pollInterval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        var current = status;
        while (!current.IsComplete)
        {
            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
            current = await GetStatusAsync(apiRoot, status.Id, cancellationToken).ConfigureAwait(false);
        }

        return current;
    }

    /// <summary>Gets the collections the client can see (section 5.1).</summary>
    /// <param name="apiRoot">The API root URL.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="TaxiiException">The request failed.</exception>
    public async Task<IReadOnlyList<TaxiiCollection>> GetCollectionsAsync(Uri apiRoot, CancellationToken cancellationToken = default)
    {
        var collections = await GetAsync(Under(apiRoot, "collections"), TaxiiJsonContext.Wire.TaxiiCollections, cancellationToken).ConfigureAwait(false);
        return collections.Collections ?? [];
    }

    /// <summary>Gets one collection (section 5.2).</summary>
    /// <param name="apiRoot">The API root URL.</param>
    /// <param name="collectionId">The collection id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="TaxiiException">The request failed.</exception>
    public Task<TaxiiCollection> GetCollectionAsync(Uri apiRoot, string collectionId, CancellationToken cancellationToken = default) =>
        GetAsync(Under(apiRoot, "collections", Segment(collectionId, nameof(collectionId))), TaxiiJsonContext.Wire.TaxiiCollection, cancellationToken);

    /// <summary>Gets one page of objects (section 5.4).</summary>
    /// <param name="apiRoot">The API root URL.</param>
    /// <param name="collectionId">The collection id.</param>
    /// <param name="query">Filters and paging; all objects, latest versions when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="TaxiiException">The request failed.</exception>
    public Task<TaxiiPage<Envelope>> GetObjectsAsync(Uri apiRoot, string collectionId, TaxiiQuery? query = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(Objects(apiRoot, collectionId), query, TaxiiJsonContext.Wire.Envelope, cancellationToken);

    /// <summary>
    /// Gets every object matching a query, following <c>next</c> (or, when a server gives <c>more</c> without <c>next</c>,
    /// <c>added_after</c> set to the previous page's <c>X-TAXII-Date-Added-Last</c>, section 3.5).
    /// </summary>
    /// <param name="apiRoot">The API root URL.</param>
    /// <param name="collectionId">The collection id.</param>
    /// <param name="query">Filters and page size; all objects, latest versions when null.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="TaxiiException">A request failed.</exception>
    public async IAsyncEnumerable<JsonElement> GetAllObjectsAsync(Uri apiRoot, string collectionId, TaxiiQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var current = query ?? TaxiiQuery.All;
        while (true)
        {
            var page = await GetObjectsAsync(apiRoot, collectionId, current, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Resource.Objects ?? [])
            {
                yield return item;
            }

            if (NextQuery(current, page.Resource.More, page.Resource.Next, page.DateAddedLast) is not { } next)
            {
                yield break;
            }

            if (next == current)
            {
                throw new TaxiiException(TaxiiErrorKind.InvalidResponse, "The server answered 'more' with the same position again; paging would never end.");
            }

            current = next;
        }
    }

    /// <summary>Adds objects to a collection (section 5.5); they are sent in one envelope.</summary>
    /// <param name="apiRoot">The API root URL.</param>
    /// <param name="collectionId">The collection id.</param>
    /// <param name="objects">The STIX objects.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status resource, with a verdict per object.</returns>
    /// <exception cref="TaxiiException">The request failed.</exception>
    public Task<TaxiiStatus> AddObjectsAsync(Uri apiRoot, string collectionId, IEnumerable<JsonElement> objects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objects);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("objects");
            foreach (var item in objects)
            {
                // The object's own bytes, so that what is stored is exactly what the caller gave (no re-escaping).
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(item), skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return AddEnvelopeAsync(apiRoot, collectionId, buffer.ToArray(), cancellationToken);
    }

    /// <summary>Adds objects to a collection from an envelope already serialized as UTF-8 JSON.</summary>
    /// <param name="apiRoot">The API root URL.</param>
    /// <param name="collectionId">The collection id.</param>
    /// <param name="envelopeUtf8">The envelope, <c>{"objects": [...]}</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status resource, with a verdict per object.</returns>
    /// <exception cref="TaxiiException">The request failed.</exception>
    public async Task<TaxiiStatus> AddEnvelopeAsync(Uri apiRoot, string collectionId, ReadOnlyMemory<byte> envelopeUtf8, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Post, Objects(apiRoot, collectionId));
        var content = new ReadOnlyMemoryContent(envelopeUtf8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(TaxiiMediaTypes.Taxii21);
        request.Content = content;
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, TaxiiJsonContext.Wire.TaxiiStatus, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets one object's versions as an envelope (section 5.6); only <c>match[version]</c>, <c>match[spec_version]</c> and paging apply.</summary>
    /// <param name="apiRoot">The API root URL.</param>
    /// <param name="collectionId">The collection id.</param>
    /// <param name="objectId">The STIX id.</param>
    /// <param name="query">Version filter and paging; the latest version when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="TaxiiException">The request failed.</exception>
    public Task<TaxiiPage<Envelope>> GetObjectAsync(Uri apiRoot, string collectionId, string objectId, TaxiiQuery? query = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(Object(apiRoot, collectionId, objectId), query, TaxiiJsonContext.Wire.Envelope, cancellationToken);

    /// <summary>Deletes an object, or the versions selected by <c>match[version]</c> and <c>match[spec_version]</c> (section 5.7).</summary>
    /// <param name="apiRoot">The API root URL.</param>
    /// <param name="collectionId">The collection id.</param>
    /// <param name="objectId">The STIX id.</param>
    /// <param name="query">The versions to delete; every version when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="TaxiiException">The request failed.</exception>
    public async Task DeleteObjectAsync(Uri apiRoot, string collectionId, string objectId, TaxiiQuery? query = null, CancellationToken cancellationToken = default)
    {
        var url = Object(apiRoot, collectionId, objectId);
        using var request = NewRequest(HttpMethod.Delete, new Uri(url + (query ?? TaxiiQuery.All).ToQueryString()));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gets one page of a collection's manifest (section 5.3).</summary>
    /// <param name="apiRoot">The API root URL.</param>
    /// <param name="collectionId">The collection id.</param>
    /// <param name="query">Filters and paging.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="TaxiiException">The request failed.</exception>
    public Task<TaxiiPage<Manifest>> GetManifestAsync(Uri apiRoot, string collectionId, TaxiiQuery? query = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(Under(apiRoot, "collections", Segment(collectionId, nameof(collectionId)), "manifest"), query, TaxiiJsonContext.Wire.Manifest, cancellationToken);

    /// <summary>Gets one page of an object's versions (section 5.8).</summary>
    /// <param name="apiRoot">The API root URL.</param>
    /// <param name="collectionId">The collection id.</param>
    /// <param name="objectId">The STIX id.</param>
    /// <param name="query">Paging and <c>match[spec_version]</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="TaxiiException">The request failed.</exception>
    public Task<TaxiiPage<Versions>> GetVersionsAsync(Uri apiRoot, string collectionId, string objectId, TaxiiQuery? query = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(new Uri(Object(apiRoot, collectionId, objectId), "versions/"), query, TaxiiJsonContext.Wire.Versions, cancellationToken);

    /// <summary>The query for the page after one with the given paging properties, or null when there is none.</summary>
    internal static TaxiiQuery? NextQuery(TaxiiQuery current, bool? more, string? next, DateTimeOffset? dateAddedLast)
    {
        if (more != true)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(next))
        {
            return current with { Next = next };
        }

        return dateAddedLast is { } last ? current with { Next = null, AddedAfter = last } : null;
    }

    private async Task<TaxiiPage<T>> GetPageAsync<T>(Uri url, TaxiiQuery? query, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Get, new Uri(url + (query ?? TaxiiQuery.All).ToQueryString()));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var resource = await ReadAsync(response, type, cancellationToken).ConfigureAwait(false);
        return new TaxiiPage<T>(resource, DateHeader(response, "X-TAXII-Date-Added-First"), DateHeader(response, "X-TAXII-Date-Added-Last"));
    }

    private async Task<T> GetAsync<T>(Uri url, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Get, url);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, type, cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage NewRequest(HttpMethod method, Uri url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(AcceptTaxii);
        request.Headers.UserAgent.Add(UserAgent);
        if (credentials is not null)
        {
            request.Headers.Authorization = credentials.ToHeader();
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new TaxiiException(TaxiiErrorKind.Transport, $"{request.Method} {request.RequestUri}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TaxiiException(TaxiiErrorKind.Transport, $"{request.Method} {request.RequestUri}: timed out.", e);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, cancellationToken).ConfigureAwait(false);
        }

        var contentType = response.Content.Headers.ContentType?.ToString();
        if (!TaxiiMediaTypes.IsTaxii21ContentType(contentType))
        {
            throw new TaxiiException(TaxiiErrorKind.InvalidResponse, response.StatusCode, null,
                $"{Describe(response)} answered with Content-Type '{contentType ?? "(none)"}', not {TaxiiMediaTypes.Taxii21}.");
        }

        try
        {
            return await ReadBodyAsync(response, type, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new TaxiiException(TaxiiErrorKind.InvalidResponse, response.StatusCode, null, $"{Describe(response)} answered with a body that is not a TAXII {typeof(T).Name}: {e.Message}", innerException: e);
        }
        catch (IOException e)
        {
            throw new TaxiiException(TaxiiErrorKind.Transport, $"{Describe(response)}: the response was cut: {e.Message}", e);
        }
    }

    /// <summary>
    /// Receives the body whole into a pooled buffer, then parses it from memory. System.Text.Json's stream deserializer
    /// goes back over a value cut by each of its buffer's boundaries, and on a page of 1,000 objects kept as
    /// <see cref="JsonElement"/> that cost four to six times the CPU of one parse of the same bytes.
    /// </summary>
    private static async Task<T> ReadBodyAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        // The declared length only sizes the first buffer, within a bound, so that a peer announcing a huge body that it
        // does not send cannot make the client reserve it.
        var declared = response.Content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 and < InitialBodyBufferLimit ? (int)declared + 1 : DefaultBodyBuffer);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var length = 0;
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length == buffer.Length)
                    {
                        if (length == Array.MaxLength)
                        {
                            throw new JsonException($"the body exceeds {Array.MaxLength} bytes");
                        }

                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * length, Array.MaxLength));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }
            }

            // The resource's JsonElements are copies, so the buffer can go back to the pool once they are made.
            return JsonSerializer.Deserialize(buffer.AsSpan(0, length), type) ?? throw new JsonException("the body is JSON null");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<TaxiiException> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var kind = status >= 500 ? TaxiiErrorKind.ServerError : status >= 400 ? TaxiiErrorKind.Refused : TaxiiErrorKind.InvalidResponse;
        var retryAfter = response.Headers.RetryAfter is { } header
            ? header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null)
            : null;
        var detail = error is null ? string.Empty : $": {error.Title}{(error.Description is null ? string.Empty : $" ({error.Description})")}";
        return new TaxiiException(kind, response.StatusCode, error, $"{Describe(response)} answered {status} {response.ReasonPhrase}{detail}", retryAfter);
    }

    private static async Task<TaxiiError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[MaxErrorBody];
                var length = 0;
                int read;
                while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }

                return length == 0 ? null : JsonSerializer.Deserialize(buffer.AsSpan(0, length), TaxiiJsonContext.Wire.TaxiiError);
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static DateTimeOffset? DateHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && TaxiiTimestamp.TryParse(values.FirstOrDefault(), out var instant) ? instant : null;

    private static string Describe(HttpResponseMessage response) =>
        $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}";

    private static Uri Objects(Uri apiRoot, string collectionId) =>
        Under(apiRoot, "collections", Segment(collectionId, nameof(collectionId)), "objects");

    private static Uri Object(Uri apiRoot, string collectionId, string objectId) =>
        Under(apiRoot, "collections", Segment(collectionId, nameof(collectionId)), "objects", Segment(objectId, nameof(objectId)));

    private static Uri Root(Uri apiRoot) => WithTrailingSlash(RequireAbsolute(apiRoot));

    private static Uri Under(Uri apiRoot, params string[] segments) =>
        new(Root(apiRoot), string.Join('/', segments) + "/");

    private static string Segment(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || value is "." or "..")
        {
            throw new TaxiiException(TaxiiErrorKind.InvalidRequest, $"{name} must be a non-empty identifier, not '{value}'.");
        }

        return Uri.EscapeDataString(value);
    }

    private static Uri RequireAbsolute(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(url.Query))
        {
            throw new TaxiiException(TaxiiErrorKind.InvalidRequest, $"'{url}' is not an absolute HTTP(S) URL without a query.");
        }

        return url;
    }

    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
}

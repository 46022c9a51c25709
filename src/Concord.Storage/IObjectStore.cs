// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using Concord.Storage.Collections;
using Concord.Storage.Objects;
using Concord.Storage.Status;

namespace Concord.Storage;

/// <summary>
/// Collections, every version of every object in them, and status resources: the data behind the
/// TAXII 2.1 collection endpoints (sections 4.3 and 5).
/// </summary>
/// <remarks>
/// <para><b>Contract for implementers.</b></para>
/// <list type="bullet">
/// <item><b>Thread safety.</b> Every member may be called concurrently from any number of threads.
/// Reads never block on writes and see only committed data (a read sees a consistent snapshot).</item>
/// <item><b>Durability.</b> A write method's task completes only after its transaction has committed
/// with fsync semantics: once it has completed, the write survives a process kill or power loss.
/// A failed or cancelled write changes nothing.</item>
/// <item><b>Atomicity.</b> <see cref="AddObjectsAsync"/> commits a whole batch (a TAXII envelope) in one
/// transaction: either every added version is stored or none is. <see cref="AddObjectsWithStatusAsync"/> commits the
/// status resource of the batch in that same transaction.</item>
/// <item><b>Ordering.</b> Each stored version gets a <see cref="DateAdded"/> that is unique in the store
/// and strictly greater than every date added assigned before it, even when writers are concurrent and
/// even when the clock goes backwards (the engine uses max(now, last + 1 µs) under its write lock). So a
/// query sorted by date added and resumed after the last date added seen never skips or repeats a version.</item>
/// <item><b>Versions.</b> A version of an object is identified by (collection, id, version), where the version
/// is <c>modified</c>, else <c>created</c> (compared by instant, so <c>...00Z</c> and <c>...00.000Z</c> are the same
/// version). An object with neither (most cyber-observables) has a single version whose version is its date added;
/// adding it again reports <see cref="AddOutcome.AlreadyPresent"/>.</item>
/// <item><b>Idempotence.</b> Adding an (id, version) already in the collection keeps the first copy and
/// reports <see cref="AddOutcome.AlreadyPresent"/>; it never fails the batch.</item>
/// <item><b>Round trip.</b> <see cref="StoredObject.Json"/> is byte for byte what was added.</item>
/// <item><b>Unknown collections.</b> Object and status operations naming a collection that does not exist throw
/// <see cref="StorageNotFoundException"/>.</item>
/// </list>
/// </remarks>
public interface IObjectStore
{
    /// <summary>Creates a collection.</summary>
    /// <param name="collection">The collection; its id must be new, and its alias (if any) new within its API root.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="StorageConflictException">The id or the alias is taken.</exception>
    Task CreateCollectionAsync(CollectionInfo collection, CancellationToken cancellationToken = default);

    /// <summary>Gets a collection by id.</summary>
    /// <param name="collectionId">The collection id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The collection, or null when there is none.</returns>
    Task<CollectionInfo?> GetCollectionAsync(Guid collectionId, CancellationToken cancellationToken = default);

    /// <summary>Lists the collections of an API root, in a stable order (creation order), as section 3.3 requires.</summary>
    /// <param name="apiRoot">The API root name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyList<CollectionInfo>> ListCollectionsAsync(string apiRoot, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a batch of objects (one TAXII envelope) to a collection in one durable transaction.
    /// </summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="objects">
    /// The UTF-8 JSON of each object, exactly as received (validation is the caller's job). The store reads the
    /// top-level <c>id</c>, <c>type</c>, <c>spec_version</c>, <c>modified</c> and <c>created</c>. When
    /// <c>spec_version</c> is absent it is "2.1" for an object without <c>created</c> (a STIX 2.1 cyber-observable)
    /// and "2.0" otherwise (STIX 2.0 objects have no <c>spec_version</c>).
    /// </param>
    /// <param name="cancellationToken">Cancels the operation before it commits.</param>
    /// <returns>One result per object, in the same order. The same (id, version) twice in one batch: the first is
    /// added, the second reported already present.</returns>
    /// <exception cref="StorageNotFoundException">The collection does not exist.</exception>
    Task<IReadOnlyList<AddObjectResult>> AddObjectsAsync(Guid collectionId, IReadOnlyList<ReadOnlyMemory<byte>> objects, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a batch of objects like <see cref="AddObjectsAsync"/> and, in the same durable transaction, saves the status
    /// resource that <paramref name="statusOf"/> builds from the results (as <see cref="SaveStatusAsync"/> would): a TAXII
    /// POST answered with a complete status (section 5.5) commits, and waits for, one fsync instead of two.
    /// </summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="objects">The UTF-8 JSON of each object, as for <see cref="AddObjectsAsync"/>.</param>
    /// <param name="statusOf">
    /// Builds the status from the results (one per object, in order). It runs inside the write transaction, so it must
    /// be quick and must not call the store; when it throws, nothing is stored and the exception propagates.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation before it commits.</param>
    /// <returns>The saved status: once the task completes, the objects and the status are both durable, or neither is.</returns>
    /// <exception cref="StorageNotFoundException">The collection does not exist.</exception>
    Task<StatusResource> AddObjectsWithStatusAsync(Guid collectionId, IReadOnlyList<ReadOnlyMemory<byte>> objects, Func<IReadOnlyList<AddObjectResult>, StatusResource> statusOf, CancellationToken cancellationToken = default);

    /// <summary>Queries the objects of a collection (TAXII 5.4 Get Objects and 5.6 Get an Object).</summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A page sorted by date added ascending.</returns>
    /// <exception cref="StorageNotFoundException">The collection does not exist.</exception>
    Task<Page<StoredObject>> GetObjectsAsync(Guid collectionId, ObjectQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queries the objects of a collection exactly as <see cref="GetObjectsAsync"/> does, keeping only each object's JSON
    /// and the page's position (for a TAXII envelope written as stored, sections 5.4 and 5.6).
    /// </summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, which the caller disposes. Engines may read it straight from their rows; this default copies a <see cref="GetObjectsAsync"/> page.</returns>
    /// <exception cref="StorageNotFoundException">The collection does not exist.</exception>
    async Task<ObjectJsonPage> GetObjectsJsonAsync(Guid collectionId, ObjectQuery query, CancellationToken cancellationToken = default)
    {
        var page = await GetObjectsAsync(collectionId, query, cancellationToken).ConfigureAwait(false);
        var json = new ObjectJsonPage { More = page.More };
        foreach (var item in page.Items)
        {
            json.Add(item.DateAdded, item.Json.Span);
        }

        return json;
    }

    /// <summary>
    /// Queries the objects of a collection exactly as <see cref="GetObjectsAsync"/> does, into a page that keeps each object's
    /// JSON with its date added, id, type, version and first/last flags (<see cref="ObjectJsonPage.Rows"/>): for a reader that
    /// decides on each object before sending it, without an object per row.
    /// </summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, which the caller disposes. Engines may read it straight from their rows; this default copies a <see cref="GetObjectsAsync"/> page.</returns>
    /// <exception cref="StorageNotFoundException">The collection does not exist.</exception>
    async Task<ObjectJsonPage> GetObjectRowsAsync(Guid collectionId, ObjectQuery query, CancellationToken cancellationToken = default)
    {
        var page = await GetObjectsAsync(collectionId, query, cancellationToken).ConfigureAwait(false);
        var rows = new ObjectJsonPage { More = page.More };
        foreach (var item in page.Items)
        {
            rows.AddRow(item.DateAdded, item.Json.Span, Encoding.UTF8.GetBytes(item.Id), Encoding.UTF8.GetBytes(item.Type), Encoding.UTF8.GetBytes(item.Version), item.IsFirst, item.IsLast);
        }

        return rows;
    }

    /// <summary>Queries the manifest of a collection (TAXII 5.3) with the same filters and order as <see cref="GetObjectsAsync"/>.</summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="StorageNotFoundException">The collection does not exist.</exception>
    Task<Page<ManifestRecord>> GetManifestAsync(Guid collectionId, ObjectQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the versions of one object (TAXII 5.8): every version (<c>match[version]=all</c>) of <paramref name="objectId"/>,
    /// filtered by <see cref="ObjectQuery.AddedAfter"/>, <see cref="ObjectQuery.Next"/>, <see cref="ObjectQuery.Limit"/> and
    /// <see cref="ObjectQuery.SpecVersions"/>; the other filters of <paramref name="query"/> are ignored.
    /// </summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="objectId">The object id.</param>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A page sorted by date added ascending; empty when the object is not in the collection.</returns>
    /// <exception cref="StorageNotFoundException">The collection does not exist.</exception>
    Task<Page<ManifestRecord>> GetVersionsAsync(Guid collectionId, string objectId, ObjectQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes versions of one object (TAXII 5.7): all of them, or those the filters select among its versions.
    /// </summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="objectId">The object id.</param>
    /// <param name="versions">The <c>match[version]</c> filter; null (no parameter) deletes every version, so the object is gone.</param>
    /// <param name="specVersions">The <c>match[spec_version]</c> filter; null or empty means any spec version.</param>
    /// <param name="cancellationToken">Cancels the operation before it commits.</param>
    /// <returns>The number of versions deleted (0 when none matched: TAXII answers 404). Afterwards <c>first</c> and <c>last</c>
    /// are computed over the remaining versions.</returns>
    /// <exception cref="StorageNotFoundException">The collection does not exist.</exception>
    Task<int> DeleteObjectAsync(Guid collectionId, string objectId, VersionFilter? versions = null, IReadOnlyList<string>? specVersions = null, CancellationToken cancellationToken = default);

    /// <summary>Stores a status resource, replacing any with the same id (so a pending status can be completed).</summary>
    /// <param name="status">The status.</param>
    /// <param name="cancellationToken">Cancels the operation before it commits.</param>
    Task SaveStatusAsync(StatusResource status, CancellationToken cancellationToken = default);

    /// <summary>Gets a status resource.</summary>
    /// <param name="statusId">The status id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The status, or null when there is none.</returns>
    Task<StatusResource?> GetStatusAsync(Guid statusId, CancellationToken cancellationToken = default);
}

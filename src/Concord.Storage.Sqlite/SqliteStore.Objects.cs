// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Text;
using System.Text.Json;
using Concord.Storage.Internal;
using Concord.Storage.Objects;
using Concord.Storage.Sqlite.Internal;
using Concord.Storage.Status;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <content>Objects: adding, querying, versions, manifests and deletion.</content>
public sealed partial class SqliteStore
{
    private const string ManifestColumns = "o.object_id, o.type, o.version, o.spec_version, o.date_added";
    private const string ObjectColumns = ManifestColumns + ", o.body, o.is_first, o.is_last";
    private const int DefaultPageCapacity = 64 * 1024;
    private const int MaxPageCapacityHint = 16 * 1024 * 1024;

    private int meanObjectBytes = 1024;

    /// <inheritdoc />
    public async Task<IReadOnlyList<AddObjectResult>> AddObjectsAsync(Guid collectionId, IReadOnlyList<ReadOnlyMemory<byte>> objects, CancellationToken cancellationToken = default) =>
        (await AddAsync(collectionId, objects, null, cancellationToken).ConfigureAwait(false)).Results;

    /// <inheritdoc />
    public async Task<StatusResource> AddObjectsWithStatusAsync(Guid collectionId, IReadOnlyList<ReadOnlyMemory<byte>> objects, Func<IReadOnlyList<AddObjectResult>, StatusResource> statusOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statusOf);
        return (await AddAsync(collectionId, objects, statusOf, cancellationToken).ConfigureAwait(false)).Status!;
    }

    private async Task<(IReadOnlyList<AddObjectResult> Results, StatusResource? Status)> AddAsync(
        Guid collectionId, IReadOnlyList<ReadOnlyMemory<byte>> objects, Func<IReadOnlyList<AddObjectResult>, StatusResource>? statusOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objects);

        // Reading the headers is CPU work: do it before taking the write lock.
        var headers = new ObjectHeader[objects.Count];
        var errors = new string?[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            ObjectHeader.TryRead(objects[i].Span, out headers[i], out errors[i]);
        }

        var ids = IdsJson(headers.Where((_, i) => errors[i] is null).Select(h => h.Id));
        return await WriteAsync<(IReadOnlyList<AddObjectResult>, StatusResource?)>(
            session =>
            {
                var collection = CollectionSeq(session, collectionId);
                var known = LoadBatchVersions(session, collection, ids);
                var results = new AddObjectResult[objects.Count];
                for (var i = 0; i < objects.Count; i++)
                {
                    results[i] = errors[i] is { } error
                        ? new AddObjectResult(AddOutcome.Rejected, string.Empty, string.Empty, null, error)
                        : AddOne(session, collection, headers[i], objects[i], known);
                }

                if (statusOf is null)
                {
                    return (results, null);
                }

                var status = statusOf(results);
                WriteStatus(session, status);
                return (results, status);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<Page<StoredObject>> GetObjectsAsync(Guid collectionId, ObjectQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Read(
            session => Query(session, collectionId, ObjectColumns, query, query.Ids, query.Types, query.Versions, static r =>
                new StoredObject(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), new DateAdded(r.GetInt64(4)), r.GetFieldValue<byte[]>(5)) { IsFirst = r.GetInt64(6) != 0, IsLast = r.GetInt64(7) != 0 }),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ObjectJsonPage> GetObjectsJsonAsync(Guid collectionId, ObjectQuery query, CancellationToken cancellationToken = default) =>
        ReadJsonPage(collectionId, query, rows: false, cancellationToken);

    /// <inheritdoc />
    public Task<ObjectJsonPage> GetObjectRowsAsync(Guid collectionId, ObjectQuery query, CancellationToken cancellationToken = default) =>
        ReadJsonPage(collectionId, query, rows: true, cancellationToken);

    private Task<ObjectJsonPage> ReadJsonPage(Guid collectionId, ObjectQuery query, bool rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Read(
            session =>
            {
                var page = new ObjectJsonPage(PageCapacity(query.Limit));
                try
                {
                    var columns = rows ? "o.date_added, o.body, o.object_id, o.type, o.version, o.is_first, o.is_last" : "o.date_added, o.body";
                    var statement = PageQuery(session, collectionId, columns, query, query.Ids, query.Types, query.Versions).PrepareRaw(session, out var owned);
                    try
                    {
                        // Each body is copied once, from SQLite's row straight into the page (the text columns' bytes too:
                        // SQLite stores them as UTF-8).
                        while (statement.Step())
                        {
                            if (page.Count == query.Limit)
                            {
                                page.More = true;
                                break;
                            }

                            if (rows)
                            {
                                page.AddRow(new DateAdded(statement.Int64(0)), statement.Blob(1), statement.Blob(2), statement.Blob(3), statement.Blob(4), statement.Int64(5) != 0, statement.Int64(6) != 0);
                            }
                            else
                            {
                                page.Add(new DateAdded(statement.Int64(0)), statement.Blob(1));
                            }
                        }
                    }
                    finally
                    {
                        statement.Reset();
                        if (owned)
                        {
                            statement.Dispose();
                        }
                    }

                    if (page.Count > 0)
                    {
                        Volatile.Write(ref meanObjectBytes, (page.Objects.Length / page.Count) + 1);
                    }

                    return page;
                }
                catch
                {
                    page.Dispose();
                    throw;
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// The buffer a page of <paramref name="limit"/> objects is likely to need, from the mean size of the objects of the last
    /// page read, so that a page is not copied as its buffer grows (growing from 64 KB copied about 1.5 times a 600 KB page).
    /// </summary>
    private int PageCapacity(int? limit) =>
        limit is { } objects ? (int)Math.Clamp(objects * (long)Volatile.Read(ref meanObjectBytes) * 9 / 8, 1024, MaxPageCapacityHint) : DefaultPageCapacity;

    /// <inheritdoc />
    public Task<Page<ManifestRecord>> GetManifestAsync(Guid collectionId, ObjectQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Read(session => Query(session, collectionId, ManifestColumns, query, query.Ids, query.Types, query.Versions, ReadManifest), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Page<ManifestRecord>> GetVersionsAsync(Guid collectionId, string objectId, ObjectQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        ArgumentNullException.ThrowIfNull(query);
        return Read(session => Query(session, collectionId, ManifestColumns, query, [objectId], null, VersionFilter.AllVersions, ReadManifest), cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> DeleteObjectAsync(Guid collectionId, string objectId, VersionFilter? versions = null, IReadOnlyList<string>? specVersions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        return WriteAsync(
            session =>
            {
                var collection = CollectionSeq(session, collectionId);
                var mode = specVersions is { Count: > 0 } ? QueryBuilder.SpecMode.Listed : QueryBuilder.SpecMode.Any;
                var builder = QueryBuilder.ForObjects("o.date_added", collection, long.MinValue, [objectId], null, versions, mode, specVersions, null);
                var doomed = new List<long>();
                var select = builder.Prepare(session, out var owned);
                try
                {
                    using var reader = select.ExecuteReader();
                    while (reader.Read())
                    {
                        doomed.Add(reader.GetInt64(0));
                    }
                }
                finally
                {
                    if (owned)
                    {
                        select.Dispose();
                    }
                }

                var delete = session.Command("DELETE FROM objects WHERE date_added = @d;", "@d");
                foreach (var dateAdded in doomed)
                {
                    delete.Parameters[0].Value = dateAdded;
                    delete.ExecuteNonQuery();
                }

                if (doomed.Count > 0)
                {
                    RecomputeFlags(session, LoadVersions(session, collection, objectId));
                }

                return doomed.Count;
            },
            cancellationToken);
    }

    private static ManifestRecord ReadManifest(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), new DateAdded(r.GetInt64(4)));

    private Page<T> Query<T>(Session session, Guid collectionId, string columns, ObjectQuery query, IReadOnlyList<string>? ids, IReadOnlyList<string>? types, VersionFilter versions, Func<SqliteDataReader, T> read)
        where T : class
    {
        var builder = PageQuery(session, collectionId, columns, query, ids, types, versions);
        var command = builder.Prepare(session, out var owned);
        var items = new List<T>();
        var more = false;
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (items.Count == query.Limit)
                {
                    more = true;
                    break;
                }

                items.Add(read(reader));
            }
        }
        finally
        {
            if (owned)
            {
                command.Dispose();
            }
        }

        return new Page<T>(items, more)
        {
            DateAddedFirst = items.Count == 0 ? null : DateAddedOf(items[0]),
            DateAddedLast = items.Count == 0 ? null : DateAddedOf(items[^1]),
        };
    }

    /// <summary>The statement of one page: the query's filters after its position, one row more than the limit (which tells whether there is more).</summary>
    private QueryBuilder PageQuery(Session session, Guid collectionId, string columns, ObjectQuery query, IReadOnlyList<string>? ids, IReadOnlyList<string>? types, VersionFilter versions)
    {
        if (query.Limit is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), "The limit must be a positive number.");
        }

        var collection = CollectionSeq(session, collectionId);
        var after = long.MinValue;
        if (query.AddedAfter is { } addedAfter)
        {
            after = DateAdded.FloorOf(addedAfter).UnixMicroseconds;
        }

        if (query.Next is { } next)
        {
            after = Math.Max(after, next.LastSeen.UnixMicroseconds);
        }

        var mode = query.SpecVersions is { Count: > 0 } ? QueryBuilder.SpecMode.Listed : QueryBuilder.SpecMode.Latest;
        long? fetch = query.Limit is { } limit ? (long)limit + 1 : null;
        return QueryBuilder.ForObjects(columns, collection, after, ids, types, versions, mode, query.SpecVersions, fetch);
    }

    private static DateAdded DateAddedOf<T>(T item) => item switch
    {
        StoredObject stored => stored.DateAdded,
        ManifestRecord record => record.DateAdded,
        _ => throw new InvalidOperationException("Unknown page item."),
    };

    private long CollectionSeq(Session session, Guid collectionId)
    {
        if (collectionSeqs.TryGetValue(collectionId, out var seq))
        {
            return seq;
        }

        var command = session.Command("SELECT seq FROM collections WHERE id = @id;", "@id");
        command.Parameters[0].Value = collectionId.ToString("D");
        if (command.ExecuteScalar() is not long found)
        {
            throw new StorageNotFoundException($"There is no collection {collectionId}.");
        }

        // Collections are never deleted, so the mapping can be cached for the life of the store.
        collectionSeqs[collectionId] = found;
        return found;
    }

    private AddObjectResult AddOne(Session session, long collection, ObjectHeader header, ReadOnlyMemory<byte> json, Dictionary<string, List<VersionRow>> known)
    {
        known.TryGetValue(header.Id, out var versions);
        string key;
        string version;
        if (header.Version is { } stixVersion)
        {
            key = VersionKey.Of(stixVersion);
            foreach (var existing in versions ?? [])
            {
                if (string.Equals(existing.Key, key, StringComparison.Ordinal))
                {
                    return new AddObjectResult(AddOutcome.AlreadyPresent, header.Id, existing.Version, new DateAdded(existing.DateAdded), null);
                }
            }

            version = stixVersion.Text;
        }
        else
        {
            // Unversioned: one version, dated by its first addition.
            if (versions is { Count: > 0 })
            {
                var existing = versions.MinBy(v => v.DateAdded);
                return new AddObjectResult(AddOutcome.AlreadyPresent, header.Id, existing.Version, new DateAdded(existing.DateAdded), null);
            }

            key = string.Empty;
            version = string.Empty;
        }

        var dateAdded = NextDateAdded();
        if (header.Version is null)
        {
            var added = new DateAdded(dateAdded);
            key = VersionKey.Of(added);
            version = added.ToString();
        }

        var row = new VersionRow(dateAdded, key, version, header.SpecVersion, true, true, true);
        VersionRow self;
        if (versions is null)
        {
            // A new object (the common case): its only version is first, last and of the latest spec version.
            self = row;
            known.Add(header.Id, [row]);
        }
        else
        {
            versions.Add(row);
            var flagged = VersionFlags.Compute(versions);
            self = flagged[^1];
            UpdateFlags(session, flagged.AsSpan(0, flagged.Length - 1));
            for (var i = 0; i < flagged.Length; i++)
            {
                versions[i] = flagged[i] with { Changed = false };
            }
        }

        var insert = session.Statement(
            "INSERT INTO objects (date_added, collection, object_id, type, version_key, version, spec_version, latest_spec, is_first, is_last, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11);");
        try
        {
            insert.Bind(1, dateAdded);
            insert.Bind(2, collection);
            insert.Bind(3, header.Id);
            insert.Bind(4, header.Type);
            insert.Bind(5, key);
            insert.Bind(6, version);
            insert.Bind(7, header.SpecVersion);
            insert.Bind(8, self.LatestSpec ? 1L : 0L);
            insert.Bind(9, self.First ? 1L : 0L);
            insert.Bind(10, self.Last ? 1L : 0L);
            insert.BindBlob(11, json.Span);
            insert.Step();
        }
        finally
        {
            insert.Reset();
        }

        return new AddObjectResult(AddOutcome.Added, header.Id, version, new DateAdded(dateAdded), null);
    }

    /// <summary>Distinct object ids as a JSON array, for <c>json_each</c>.</summary>
    private static string IdsJson(IEnumerable<string> ids)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The stored versions of every object of a batch, by object id, in one query instead of one per object.</summary>
    private static Dictionary<string, List<VersionRow>> LoadBatchVersions(Session session, long collection, string idsJson)
    {
        var command = session.Command(
            "SELECT object_id, date_added, version_key, version, spec_version, latest_spec, is_first, is_last FROM objects WHERE collection = @c AND object_id IN (SELECT value FROM json_each(@ids));",
            "@c", "@ids");
        command.Parameters[0].Value = collection;
        command.Parameters[1].Value = idsJson;
        using var reader = command.ExecuteReader();
        var known = new Dictionary<string, List<VersionRow>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!known.TryGetValue(id, out var rows))
            {
                rows = [];
                known.Add(id, rows);
            }

            rows.Add(ReadVersionRow(reader, 1));
        }

        return known;
    }

    private long NextDateAdded()
    {
        var now = DateAdded.FromInstant(clock.GetUtcNow()).UnixMicroseconds;
        lastDateAdded = Math.Max(now, checked(lastDateAdded + 1));
        return lastDateAdded;
    }

    private static List<VersionRow> LoadVersions(Session session, long collection, string objectId) =>
        LoadBatchVersions(session, collection, IdsJson([objectId])).GetValueOrDefault(objectId) ?? [];

    private static VersionRow ReadVersionRow(SqliteDataReader reader, int first) =>
        new(reader.GetInt64(first), reader.GetString(first + 1), reader.GetString(first + 2), reader.GetString(first + 3),
            reader.GetInt64(first + 4) != 0, reader.GetInt64(first + 5) != 0, reader.GetInt64(first + 6) != 0);

    private static void RecomputeFlags(Session session, List<VersionRow> rows)
    {
        if (rows.Count > 0)
        {
            UpdateFlags(session, VersionFlags.Compute(rows));
        }
    }

    /// <summary>Writes the flags of the rows whose flags changed.</summary>
    private static void UpdateFlags(Session session, ReadOnlySpan<VersionRow> rows)
    {
        var update = session.Command("UPDATE objects SET latest_spec = @latest, is_first = @first, is_last = @last WHERE date_added = @d;", "@latest", "@first", "@last", "@d");
        foreach (var row in rows)
        {
            if (!row.Changed)
            {
                continue;
            }

            update.Parameters[0].Value = row.LatestSpec ? 1L : 0L;
            update.Parameters[1].Value = row.First ? 1L : 0L;
            update.Parameters[2].Value = row.Last ? 1L : 0L;
            update.Parameters[3].Value = row.DateAdded;
            update.ExecuteNonQuery();
        }
    }
}

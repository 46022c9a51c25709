// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Internal;
using Concord.Storage.Objects;
using Concord.Storage.Postgres.Internal;
using Concord.Storage.Status;
using Npgsql;

namespace Concord.Storage.Postgres;

/// <content>Objects: adding, querying, versions, manifests and deletion.</content>
public sealed partial class PostgresStore
{
    private const string ManifestColumns = "o.object_id, o.type, o.version, o.spec_version, o.date_added";
    private const string ObjectColumns = ManifestColumns + ", o.raw, o.is_first, o.is_last";

    /// <inheritdoc />
    public Task<IReadOnlyList<AddObjectResult>> AddObjectsAsync(Guid collectionId, IReadOnlyList<ReadOnlyMemory<byte>> objects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var batch = Batch.Read(objects);
        return RunAsync<IReadOnlyList<AddObjectResult>>(
            async (connection, ct) => await AddAsync(connection, collectionId, batch, ct).ConfigureAwait(false),
            transaction: true,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StatusResource> AddObjectsWithStatusAsync(Guid collectionId, IReadOnlyList<ReadOnlyMemory<byte>> objects, Func<IReadOnlyList<AddObjectResult>, StatusResource> statusOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(statusOf);
        var batch = Batch.Read(objects);
        return RunAsync(
            async (connection, ct) =>
            {
                var status = statusOf(await AddAsync(connection, collectionId, batch, ct).ConfigureAwait(false));
                await WriteStatusAsync(connection, status, ct).ConfigureAwait(false);
                return status;
            },
            transaction: true,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Page<StoredObject>> GetObjectsAsync(Guid collectionId, ObjectQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return QueryAsync(collectionId, ObjectColumns, query, query.Ids, query.Types, query.Versions, static r =>
            new StoredObject(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), new DateAdded(r.GetInt64(4)), r.GetFieldValue<byte[]>(5)) { IsFirst = r.GetBoolean(6), IsLast = r.GetBoolean(7) }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Page<ManifestRecord>> GetManifestAsync(Guid collectionId, ObjectQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return QueryAsync(collectionId, ManifestColumns, query, query.Ids, query.Types, query.Versions, ReadManifest, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Page<ManifestRecord>> GetVersionsAsync(Guid collectionId, string objectId, ObjectQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        ArgumentNullException.ThrowIfNull(query);
        return QueryAsync(collectionId, ManifestColumns, query, [objectId], null, VersionFilter.AllVersions, ReadManifest, cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> DeleteObjectAsync(Guid collectionId, string objectId, VersionFilter? versions = null, IReadOnlyList<string>? specVersions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        return RunAsync(
            async (connection, ct) =>
            {
                // The collection lock also serializes the flag updates of one object with concurrent additions.
                var (collection, _) = await LockCollectionAsync(connection, collectionId, ct).ConfigureAwait(false);
                var select = ObjectSql.Select("o.date_added", collection, long.MinValue, [objectId], null, versions, latestSpecOnly: false, specVersions, null);
                var doomed = new List<long>();
                await using (var command = select.Command(connection))
                await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        doomed.Add(reader.GetInt64(0));
                    }
                }

                if (doomed.Count > 0)
                {
                    await using (var delete = Command(connection, "DELETE FROM objects WHERE collection = $1 AND date_added = ANY($2);", collection, doomed.ToArray()))
                    {
                        await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }

                    var remaining = await LoadVersionsAsync(connection, collection, [objectId], ct).ConfigureAwait(false);
                    await WriteVersionsAsync(connection, collection, remaining, [], ct).ConfigureAwait(false);
                }

                return doomed.Count;
            },
            transaction: true,
            cancellationToken);
    }

    /// <summary>Adds a batch in the caller's transaction: locks the collection, dates and versions the new objects, writes them.</summary>
    private async Task<IReadOnlyList<AddObjectResult>> AddAsync(NpgsqlConnection connection, Guid collectionId, Batch batch, CancellationToken ct)
    {
        var (objects, headers, errors, jsonb) = (batch.Objects, batch.Headers, batch.Errors, batch.Jsonb);
        var (collection, last) = await LockCollectionAsync(connection, collectionId, ct).ConfigureAwait(false);
        var versions = await LoadVersionsAsync(connection, collection, batch.Ids, ct).ConfigureAwait(false);
        var added = new Dictionary<long, NewVersion>();
        var results = new AddObjectResult[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            if (errors[i] is { } error)
            {
                results[i] = new AddObjectResult(AddOutcome.Rejected, string.Empty, string.Empty, null, error);
                continue;
            }

            var header = headers[i];
            if (!versions.TryGetValue(header.Id, out var rows))
            {
                versions[header.Id] = rows = [];
            }

            if (Existing(rows, header) is { } present)
            {
                results[i] = new AddObjectResult(AddOutcome.AlreadyPresent, header.Id, present.Version, new DateAdded(present.DateAdded), null);
                continue;
            }

            last = Math.Max(DateAdded.FromInstant(clock.GetUtcNow()).UnixMicroseconds, checked(last + 1));
            var version = header.Version?.Text ?? new DateAdded(last).ToString();
            var key = header.Version is { } stixVersion ? VersionKey.Of(stixVersion) : VersionKey.Of(new DateAdded(last));
            rows.Add(new VersionRow(last, key, version, header.SpecVersion, false, false, false));
            added[last] = new NewVersion(header.Type, objects[i], jsonb[i]);
            results[i] = new AddObjectResult(AddOutcome.Added, header.Id, version, new DateAdded(last), null);
        }

        if (added.Count > 0)
        {
            await WriteVersionsAsync(connection, collection, versions, added, ct).ConfigureAwait(false);
            await using var command = Command(connection, "UPDATE collections SET last_date_added = $1 WHERE seq = $2;", last, collection);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        return results;
    }

    private static ManifestRecord ReadManifest(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), new DateAdded(r.GetInt64(4)));

    private static string? HasNul(ObjectHeader header) =>
        header.Id.Contains('\0', StringComparison.Ordinal) ? "id"
        : header.Type.Contains('\0', StringComparison.Ordinal) ? "type"
        : header.SpecVersion.Contains('\0', StringComparison.Ordinal) ? "spec_version"
        : null;

    /// <summary>The stored version that <paramref name="header"/> repeats, if any: same version key, or any version of an unversioned object (its first).</summary>
    private static VersionRow? Existing(List<VersionRow> rows, ObjectHeader header)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        if (header.Version is null)
        {
            return rows.MinBy(v => v.DateAdded);
        }

        var key = VersionKey.Of(header.Version.Value);
        var index = rows.FindIndex(v => string.Equals(v.Key, key, StringComparison.Ordinal));
        return index < 0 ? null : rows[index];
    }

    private async Task<Page<T>> QueryAsync<T>(Guid collectionId, string columns, ObjectQuery query, IReadOnlyList<string>? ids, IReadOnlyList<string>? types, VersionFilter versions, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        if (query.Limit is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), "The limit must be a positive number.");
        }

        var after = query.AddedAfter is { } addedAfter ? DateAdded.FloorOf(addedAfter).UnixMicroseconds : long.MinValue;
        if (query.Next is { } next)
        {
            after = Math.Max(after, next.LastSeen.UnixMicroseconds);
        }

        return await RunAsync(
            async (connection, ct) =>
            {
                var collection = await CollectionSeqAsync(connection, collectionId, ct).ConfigureAwait(false);

                // One row more than the limit tells whether there is more.
                var select = ObjectSql.Select(columns, collection, after, ids, types, versions, latestSpecOnly: true, query.SpecVersions, query.Limit is { } limit ? limit + 1L : null);
                var items = new List<T>();
                var more = false;
                await using var command = select.Command(connection);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    if (items.Count == query.Limit)
                    {
                        more = true;
                        break;
                    }

                    items.Add(read(reader));
                }

                return new Page<T>(items, more)
                {
                    DateAddedFirst = items.Count == 0 ? null : DateAddedOf(items[0]),
                    DateAddedLast = items.Count == 0 ? null : DateAddedOf(items[^1]),
                };
            },
            transaction: false,
            cancellationToken).ConfigureAwait(false);
    }

    private static DateAdded DateAddedOf<T>(T item) => item switch
    {
        StoredObject stored => stored.DateAdded,
        ManifestRecord record => record.DateAdded,
        _ => throw new InvalidOperationException("Unknown page item."),
    };

    private async Task<long> CollectionSeqAsync(NpgsqlConnection connection, Guid collectionId, CancellationToken cancellationToken)
    {
        if (collectionSeqs.TryGetValue(collectionId, out var seq))
        {
            return seq;
        }

        if (await ScalarAsync(connection, "SELECT seq FROM collections WHERE id = $1;", cancellationToken, collectionId).ConfigureAwait(false) is not long found)
        {
            throw new StorageNotFoundException($"There is no collection {collectionId}.");
        }

        // Collections are never deleted, so the mapping can be cached for the life of the store.
        collectionSeqs[collectionId] = found;
        return found;
    }

    /// <summary>Locks the collection's row until the transaction ends (see the class remarks) and returns its key and last date added.</summary>
    private static async Task<(long Seq, long LastDateAdded)> LockCollectionAsync(NpgsqlConnection connection, Guid collectionId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT seq, last_date_added FROM collections WHERE id = $1 FOR NO KEY UPDATE;", collectionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new StorageNotFoundException($"There is no collection {collectionId}.");
        }

        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<Dictionary<string, List<VersionRow>>> LoadVersionsAsync(NpgsqlConnection connection, long collection, string[] ids, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, List<VersionRow>>(StringComparer.Ordinal);
        if (ids.Length == 0)
        {
            return versions;
        }

        await using var command = Command(
            connection,
            "SELECT object_id, date_added, version_key, version, spec_version, latest_spec, is_first, is_last FROM objects WHERE collection = $1 AND object_id = ANY($2);",
            collection,
            ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetString(0);
            if (!versions.TryGetValue(id, out var rows))
            {
                versions[id] = rows = [];
            }

            rows.Add(new VersionRow(reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetBoolean(5), reader.GetBoolean(6), reader.GetBoolean(7)));
        }

        return versions;
    }

    /// <summary>
    /// Recomputes the flags of every object in <paramref name="versions"/>, inserts the rows in <paramref name="added"/>
    /// (keyed by date added) and updates the flags that changed on the others: one statement each, whatever the batch size.
    /// </summary>
    private static async Task WriteVersionsAsync(NpgsqlConnection connection, long collection, Dictionary<string, List<VersionRow>> versions, Dictionary<long, NewVersion> added, CancellationToken cancellationToken)
    {
        var inserts = new Columns(added.Count);
        var updates = new Columns(0);
        foreach (var (id, rows) in versions)
        {
            if (rows.Count == 0)
            {
                continue;
            }

            foreach (var row in VersionFlags.Compute(rows))
            {
                if (added.TryGetValue(row.DateAdded, out var version))
                {
                    inserts.Add(id, row, version);
                }
                else if (row.Changed)
                {
                    updates.Add(id, row, null);
                }
            }
        }

        await using var batch = new NpgsqlBatch(connection);
        if (inserts.Count > 0)
        {
            batch.BatchCommands.Add(Batched(
                """
                INSERT INTO objects (collection, date_added, object_id, type, version_key, version, spec_version, latest_spec, is_first, is_last, raw, body)
                SELECT $1, d, i, t, k, v, s, l, f, z, r, CASE WHEN j THEN convert_from(r, 'UTF8')::jsonb END
                FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::boolean[], $10::boolean[], $11::bytea[], $12::boolean[])
                    AS x (d, i, t, k, v, s, l, f, z, r, j);
                """,
                collection, inserts.DateAdded.ToArray(), inserts.Ids.ToArray(), inserts.Types.ToArray(), inserts.Keys.ToArray(), inserts.Versions.ToArray(), inserts.Specs.ToArray(),
                inserts.LatestSpec.ToArray(), inserts.First.ToArray(), inserts.Last.ToArray(), inserts.Raw.ToArray(), inserts.Jsonb.ToArray()));
        }

        if (updates.Count > 0)
        {
            batch.BatchCommands.Add(Batched(
                """
                UPDATE objects o SET latest_spec = x.l, is_first = x.f, is_last = x.z
                FROM unnest($2::bigint[], $3::boolean[], $4::boolean[], $5::boolean[]) AS x (d, l, f, z)
                WHERE o.collection = $1 AND o.date_added = x.d;
                """,
                collection, updates.DateAdded.ToArray(), updates.LatestSpec.ToArray(), updates.First.ToArray(), updates.Last.ToArray()));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static NpgsqlBatchCommand Batched(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    /// <summary>
    /// A batch as read before its transaction (CPU work done without holding the collection's lock): each object's header
    /// or the reason it is refused, and whether jsonb can hold it.
    /// </summary>
    private sealed record Batch(IReadOnlyList<ReadOnlyMemory<byte>> Objects, ObjectHeader[] Headers, string?[] Errors, bool[] Jsonb, string[] Ids)
    {
        public static Batch Read(IReadOnlyList<ReadOnlyMemory<byte>> objects)
        {
            var headers = new ObjectHeader[objects.Count];
            var errors = new string?[objects.Count];
            var jsonb = new bool[objects.Count];
            for (var i = 0; i < objects.Count; i++)
            {
                if (ObjectHeader.TryRead(objects[i].Span, out headers[i], out errors[i]) && HasNul(headers[i]) is { } property)
                {
                    errors[i] = $"The property '{property}' contains U+0000, which PostgreSQL text cannot hold.";
                }

                jsonb[i] = errors[i] is null && JsonbText.CanHold(objects[i].Span);
            }

            var ids = headers.Where((_, i) => errors[i] is null).Select(h => h.Id).Distinct(StringComparer.Ordinal).ToArray();
            return new Batch(objects, headers, errors, jsonb, ids);
        }
    }

    /// <summary>A version being added: what the row needs beyond <see cref="VersionRow"/>.</summary>
    private readonly record struct NewVersion(string Type, ReadOnlyMemory<byte> Json, bool Jsonb);

    /// <summary>Rows as parallel arrays, for <c>unnest</c>.</summary>
    private sealed class Columns(int capacity)
    {
        public List<long> DateAdded { get; } = new(capacity);

        public List<string> Ids { get; } = new(capacity);

        public List<string> Types { get; } = new(capacity);

        public List<string> Keys { get; } = new(capacity);

        public List<string> Versions { get; } = new(capacity);

        public List<string> Specs { get; } = new(capacity);

        public List<bool> LatestSpec { get; } = new(capacity);

        public List<bool> First { get; } = new(capacity);

        public List<bool> Last { get; } = new(capacity);

        public List<byte[]> Raw { get; } = new(capacity);

        public List<bool> Jsonb { get; } = new(capacity);

        public int Count => DateAdded.Count;

        public void Add(string id, VersionRow row, NewVersion? version)
        {
            DateAdded.Add(row.DateAdded);
            Ids.Add(id);
            Keys.Add(row.Key);
            Versions.Add(row.Version);
            Specs.Add(row.Spec);
            LatestSpec.Add(row.LatestSpec);
            First.Add(row.First);
            Last.Add(row.Last);
            if (version is { } inserted)
            {
                Types.Add(inserted.Type);
                Raw.Add(inserted.Json.ToArray());
                Jsonb.Add(inserted.Jsonb);
            }
        }
    }
}

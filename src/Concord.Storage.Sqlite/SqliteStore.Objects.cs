// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Runtime.InteropServices;
using Concord.Storage.Internal;
using Concord.Storage.Objects;
using Concord.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <content>Objects: adding, querying, versions, manifests and deletion.</content>
public sealed partial class SqliteStore
{
    private const string ManifestColumns = "o.object_id, o.type, o.version, o.spec_version, o.date_added";
    private const string ObjectColumns = ManifestColumns + ", o.body";

    /// <inheritdoc />
    public async Task<IReadOnlyList<AddObjectResult>> AddObjectsAsync(Guid collectionId, IReadOnlyList<ReadOnlyMemory<byte>> objects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objects);

        // Reading the headers is CPU work: do it before taking the write lock.
        var headers = new ObjectHeader[objects.Count];
        var errors = new string?[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            ObjectHeader.TryRead(objects[i].Span, out headers[i], out errors[i]);
        }

        return await WriteAsync<IReadOnlyList<AddObjectResult>>(
            session =>
            {
                var collection = CollectionSeq(session, collectionId);
                var results = new AddObjectResult[objects.Count];
                for (var i = 0; i < objects.Count; i++)
                {
                    results[i] = errors[i] is { } error
                        ? new AddObjectResult(AddOutcome.Rejected, string.Empty, string.Empty, null, error)
                        : AddOne(session, collection, headers[i], objects[i]);
                }

                return results;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<Page<StoredObject>> GetObjectsAsync(Guid collectionId, ObjectQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Read(
            session => Query(session, collectionId, ObjectColumns, query, query.Ids, query.Types, query.Versions, static r =>
                new StoredObject(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), new DateAdded(r.GetInt64(4)), r.GetFieldValue<byte[]>(5))),
            cancellationToken);
    }

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

        // One row more than the limit tells whether there is more.
        long? fetch = query.Limit is { } limit ? (long)limit + 1 : null;
        var builder = QueryBuilder.ForObjects(columns, collection, after, ids, types, versions, mode, query.SpecVersions, fetch);
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

    private AddObjectResult AddOne(Session session, long collection, ObjectHeader header, ReadOnlyMemory<byte> json)
    {
        var versions = LoadVersions(session, collection, header.Id);
        string key;
        string version;
        if (header.Version is { } stixVersion)
        {
            key = VersionKey.Of(stixVersion);
            foreach (var existing in versions)
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
            if (versions.Count > 0)
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
        versions.Add(row);
        var flagged = VersionFlags.Compute(versions);
        var self = flagged[^1];

        var insert = session.Command(
            "INSERT INTO objects (date_added, collection, object_id, type, version_key, version, spec_version, latest_spec, is_first, is_last, body) VALUES (@d, @c, @id, @type, @key, @version, @spec, @latest, @first, @last, @body);",
            "@d", "@c", "@id", "@type", "@key", "@version", "@spec", "@latest", "@first", "@last", "@body");
        var p = insert.Parameters;
        p[0].Value = dateAdded;
        p[1].Value = collection;
        p[2].Value = header.Id;
        p[3].Value = header.Type;
        p[4].Value = key;
        p[5].Value = version;
        p[6].Value = header.SpecVersion;
        p[7].Value = self.LatestSpec ? 1L : 0L;
        p[8].Value = self.First ? 1L : 0L;
        p[9].Value = self.Last ? 1L : 0L;
        p[10].Value = MemoryMarshal.TryGetArray(json, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : json.ToArray();
        insert.ExecuteNonQuery();
        UpdateFlags(session, flagged.AsSpan(0, flagged.Length - 1));
        return new AddObjectResult(AddOutcome.Added, header.Id, version, new DateAdded(dateAdded), null);
    }

    private long NextDateAdded()
    {
        var now = DateAdded.FromInstant(clock.GetUtcNow()).UnixMicroseconds;
        lastDateAdded = Math.Max(now, checked(lastDateAdded + 1));
        return lastDateAdded;
    }

    private static List<VersionRow> LoadVersions(Session session, long collection, string objectId)
    {
        var command = session.Command(
            "SELECT date_added, version_key, version, spec_version, latest_spec, is_first, is_last FROM objects WHERE collection = @c AND object_id = @id;",
            "@c", "@id");
        command.Parameters[0].Value = collection;
        command.Parameters[1].Value = objectId;
        using var reader = command.ExecuteReader();
        var rows = new List<VersionRow>();
        while (reader.Read())
        {
            rows.Add(new VersionRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4) != 0, reader.GetInt64(5) != 0, reader.GetInt64(6) != 0));
        }

        return rows;
    }

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

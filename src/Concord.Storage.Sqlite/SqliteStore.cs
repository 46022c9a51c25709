// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using Concord.Storage.Collections;
using Concord.Storage.Internal;
using Concord.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite database file in WAL mode with <c>synchronous=FULL</c>, one writer
/// connection (writes are serialized by a lock, each call is one transaction, acknowledged after the
/// fsync of its commit) and a pool of reader connections that run concurrently with the writer.
/// </summary>
/// <remarks>
/// Thread-safe: share one instance per database file in a process. Do not open the same file from two
/// instances or processes at once; the strictly increasing date added is kept by this instance's write lock.
/// See <see cref="IObjectStore"/> and <see cref="IAccountStore"/> for the contract it implements.
/// </remarks>
public sealed partial class SqliteStore : IConcordStore
{
    private readonly string connectionString;
    private readonly TimeProvider clock;
    private readonly int maxPooledReaders;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly Session writer;
    private readonly ConcurrentBag<Session> readers = [];
    private readonly ConcurrentDictionary<Guid, long> collectionSeqs = new();
    private long lastDateAdded;
    private int disposed;

    private SqliteStore(SqliteStoreOptions options)
    {
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        clock = options.Clock;
        maxPooledReaders = Math.Max(1, options.MaxPooledReaders);
        writer = new Session(connectionString, readOnly: false);
        try
        {
            writer.Execute("PRAGMA journal_mode = WAL;");
            Migrate();
            using var command = writer.Connection.CreateCommand();
            command.CommandText = "SELECT value FROM meta WHERE key = 'last_date_added';";
            lastDateAdded = (long)command.ExecuteScalar()!;
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>The latest schema version this engine knows; a database with a later one is refused.</summary>
    public static int SchemaVersion => Schema.Migrations.Length;

    /// <summary>Opens (creating or migrating when needed) the database at <see cref="SqliteStoreOptions.Path"/>.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The store; dispose it to close the file.</returns>
    /// <exception cref="StorageException">The file holds a schema newer than this engine.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public static SqliteStore Open(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SqliteStore(options);
    }

    /// <summary>Opens the database at <paramref name="path"/> with default options.</summary>
    /// <param name="path">The database file.</param>
    /// <returns>The store; dispose it to close the file.</returns>
    public static SqliteStore Open(string path) => Open(new SqliteStoreOptions(path));

    /// <summary>
    /// Copies the write-ahead log into the database file and truncates it (<c>PRAGMA wal_checkpoint(TRUNCATE)</c>).
    /// Not needed for durability (committed data is durable in the log); useful before copying the file.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for the write lock.</param>
    public async Task CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            writer.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task CreateCollectionAsync(CollectionInfo collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        await WriteAsync(
            session =>
            {
                var command = session.Command(
                    "INSERT INTO collections (id, api_root, title, description, alias, media_types, owner_org) VALUES (@id, @root, @title, @description, @alias, @media, @owner);",
                    "@id", "@root", "@title", "@description", "@alias", "@media", "@owner");
                Bind(command, collection.Id, collection.ApiRoot, collection.Title, collection.Description, collection.Alias, string.Join('\n', collection.MediaTypes), collection.OwnerOrganizationId);
                try
                {
                    command.ExecuteNonQuery();
                }
                catch (SqliteException e) when (e.SqliteErrorCode == 19)
                {
                    throw new StorageConflictException($"A collection with id {collection.Id} or alias '{collection.Alias}' already exists.", e);
                }

                return 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<CollectionInfo?> GetCollectionAsync(Guid collectionId, CancellationToken cancellationToken = default) =>
        Read(
            session =>
            {
                var command = session.Command(CollectionColumns + " WHERE id = @id;", "@id");
                Bind(command, collectionId);
                using var reader = command.ExecuteReader();
                return reader.Read() ? ReadCollection(reader) : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CollectionInfo>> ListCollectionsAsync(string apiRoot, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<CollectionInfo>>(
            session =>
            {
                var command = session.Command(CollectionColumns + " WHERE api_root = @root ORDER BY seq;", "@root");
                Bind(command, apiRoot);
                using var reader = command.ExecuteReader();
                var list = new List<CollectionInfo>();
                while (reader.Read())
                {
                    list.Add(ReadCollection(reader));
                }

                return list;
            },
            cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        // Wait for the write in flight, so it commits (or rolls back) before the connection closes.
        writeLock.Wait();
        writer.Dispose();
        while (readers.TryTake(out var reader))
        {
            reader.Dispose();
        }

        writeLock.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private const string CollectionColumns = "SELECT id, api_root, title, description, alias, media_types, owner_org FROM collections";

    private static CollectionInfo ReadCollection(SqliteDataReader reader) =>
        new(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2))
        {
            Description = reader.IsDBNull(3) ? null : reader.GetString(3),
            Alias = reader.IsDBNull(4) ? null : reader.GetString(4),
            MediaTypes = reader.GetString(5).Split('\n', StringSplitOptions.RemoveEmptyEntries),
            OwnerOrganizationId = reader.IsDBNull(6) ? null : Guid.Parse(reader.GetString(6)),
        };

    private void Migrate()
    {
        writer.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);");
        using var select = writer.Connection.CreateCommand();
        select.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        var current = (int)(long)select.ExecuteScalar()!;
        if (current > Schema.Migrations.Length)
        {
            throw new StorageException($"The database has schema version {current}; this engine knows up to {Schema.Migrations.Length}.");
        }

        for (var version = current + 1; version <= Schema.Migrations.Length; version++)
        {
            using var transaction = writer.Connection.BeginTransaction();
            using var command = writer.Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Schema.Migrations[version - 1] + "\nINSERT INTO schema_version (version) VALUES (" + VersionKey.Invariant(version) + ");";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction under the write lock, and returns after the commit (fsync).</summary>
    private async Task<T> WriteAsync<T>(Func<Session, T> work, CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            var before = lastDateAdded;
            using var transaction = writer.Connection.BeginTransaction(deferred: false);
            writer.Transaction = transaction;
            try
            {
                var result = work(writer);
                if (lastDateAdded != before)
                {
                    var command = writer.Command("UPDATE meta SET value = @value WHERE key = 'last_date_added';", "@value");
                    Bind(command, lastDateAdded);
                    command.ExecuteNonQuery();
                }

                transaction.Commit();
                return result;
            }
            catch
            {
                // The dates handed out in the failed transaction are not reused: later ones stay greater.
                transaction.Rollback();
                throw;
            }
            finally
            {
                writer.Transaction = null;
            }
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a pooled reader connection (a consistent snapshot for the duration of one statement or transaction).</summary>
    private Task<T> Read<T>(Func<Session, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        if (!readers.TryTake(out var session))
        {
            session = new Session(connectionString, readOnly: true);
        }

        var keep = false;
        try
        {
            var result = work(session);
            keep = true;
            return Task.FromResult(result);
        }
        finally
        {
            if (keep && Volatile.Read(ref disposed) == 0 && readers.Count < maxPooledReaders)
            {
                readers.Add(session);
            }
            else
            {
                session.Dispose();
            }
        }
    }

    /// <summary>Runs a multi-statement read in one read transaction, so all statements see the same snapshot.</summary>
    private Task<T> ReadSnapshot<T>(Func<Session, T> work, CancellationToken cancellationToken) =>
        Read(
            session =>
            {
                using var transaction = session.Connection.BeginTransaction(deferred: true);
                session.Transaction = transaction;
                try
                {
                    return work(session);
                }
                finally
                {
                    session.Transaction = null;
                    transaction.Rollback();
                }
            },
            cancellationToken);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                Guid guid => guid.ToString("D"),
                bool flag => flag ? 1L : 0L,
                DateTimeOffset instant => instant.UtcTicks,
                var value => value,
            };
        }
    }
}

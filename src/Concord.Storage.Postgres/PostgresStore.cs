// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using Concord.Storage.Collections;
using Concord.Storage.Postgres.Internal;
using Npgsql;

namespace Concord.Storage.Postgres;

/// <summary>
/// The production store on PostgreSQL: objects as <c>jsonb</c> (with their exact bytes beside) and the indexed columns
/// the TAXII filters need, accounts and status resources, over a pooled Npgsql data source. Several processes (for
/// example several <c>concord serve</c> behind a load balancer) may share one database.
/// </summary>
/// <remarks>
/// <para><b>Date added, strictly increasing per collection under concurrent writers.</b> A write to a collection first
/// locks the collection's row (<c>SELECT … FOR NO KEY UPDATE</c>), reads the last date added handed out in it, assigns
/// each new version max(now, last + 1 µs) while holding the lock, stores the new last value in the same row and commits.
/// The lock is released only after the commit is visible to new snapshots (PostgreSQL releases a transaction's locks
/// after removing it from the set of running transactions), and the next writer of the collection cannot read
/// <c>last</c> before that. So commit order equals date-added order: whenever a reader's snapshot contains a version with
/// date added D, it contains every version of that collection with a smaller date added. Without the lock, or with
/// dates from a sequence or <c>clock_timestamp()</c> taken before commit, two transactions can commit in the opposite
/// order of their dates; a reader paging in between sees the later date first, moves its position past it, and never
/// returns the earlier one. The last value lives in the database, so it survives restarts, clocks going backwards and
/// clocks that differ between processes. Writers of different collections do not wait for each other; a date added is
/// unique within its collection, which is the scope of TAXII's <c>added_after</c> and <c>next</c>.</para>
/// <para><b>Durability.</b> Every session runs with <c>synchronous_commit = on</c>, whatever the server's default: a write's
/// task completes after PostgreSQL has flushed the commit record (and, with synchronous replication, after the standbys
/// it waits for have).</para>
/// <para><b>Reads</b> run in READ COMMITTED, one statement each (a consistent snapshot), or in one REPEATABLE READ transaction
/// when they need several statements; they never wait for writers.</para>
/// <para><b>Failures.</b> An operation that meets a transient error (<see cref="PostgresStoreOptions.MaxAttempts"/>) is run
/// again from the start in a new transaction, except when the connection broke during the commit itself: then whether it
/// committed is unknown, and the error is passed on rather than risking a duplicate. Permanent errors (authentication,
/// missing database, permissions) are passed on at once as <see cref="NpgsqlException"/>.</para>
/// <para>Thread-safe: share one instance per database in a process. See <see cref="IObjectStore"/> and <see cref="IAccountStore"/>
/// for the contract it implements.</para>
/// </remarks>
public sealed partial class PostgresStore : IConcordStore
{
    private const string CollectionColumns = "SELECT id, api_root, title, description, alias, media_types, owner_org FROM collections";

    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider clock;
    private readonly int maxAttempts;
    private readonly TimeSpan firstRetryDelay;
    private readonly ConcurrentDictionary<Guid, long> collectionSeqs = new();
    private readonly TaskCompletionSource drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int active;
    private int disposed;

    private PostgresStore(NpgsqlDataSource dataSource, PostgresStoreOptions options, string schema)
    {
        this.dataSource = dataSource;
        clock = options.Clock;
        maxAttempts = Math.Max(1, options.MaxAttempts);
        firstRetryDelay = options.FirstRetryDelay;
        Schema = schema;
    }

    /// <summary>The latest schema version this engine knows; a database with a later one is refused.</summary>
    public static int SchemaVersion => Internal.Schema.Migrations.Length;

    /// <summary>The PostgreSQL schema that holds the tables.</summary>
    public string Schema { get; }

    /// <summary>
    /// Connects, creates the schema or applies the migrations it lacks (safe when several processes start at once), and
    /// returns the store.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <param name="cancellationToken">Cancels connecting and migrating.</param>
    /// <returns>The store; dispose it to close its connections.</returns>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    /// <exception cref="NpgsqlException">PostgreSQL cannot be reached (after the retries) or refuses the connection.</exception>
    /// <exception cref="StorageException">The database holds a schema newer than this engine.</exception>
    public static async Task<PostgresStore> OpenAsync(PostgresStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var schema = FirstSchema(builder.SearchPath);
        builder.SearchPath ??= schema;
        builder.ApplicationName ??= "concord";
        builder.Options = string.IsNullOrEmpty(builder.Options) ? "-c synchronous_commit=on" : builder.Options + " -c synchronous_commit=on";
        if (builder.MaxAutoPrepare == 0)
        {
            // The statements are few and fixed in shape: prepared once per connection, they skip parsing and planning.
            builder.MaxAutoPrepare = 64;
        }

        var dataSource = NpgsqlDataSource.Create(builder);
        var store = new PostgresStore(dataSource, options, schema);
        try
        {
            await store.RunAsync(
                async (connection, ct) => await Internal.Schema.MigrateAsync(connection, schema, ct).ConfigureAwait(false),
                transaction: false,
                cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens the store at <paramref name="connectionString"/> with default options.</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="cancellationToken">Cancels connecting and migrating.</param>
    /// <returns>The store; dispose it to close its connections.</returns>
    public static Task<PostgresStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default) =>
        OpenAsync(new PostgresStoreOptions(connectionString), cancellationToken);

    /// <summary>Runs the cheapest query that proves the database answers (for <c>/healthz</c>), with the usual retries.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <exception cref="NpgsqlException">PostgreSQL cannot be reached.</exception>
    public Task PingAsync(CancellationToken cancellationToken = default) =>
        RunAsync(async (connection, ct) => await ScalarAsync(connection, "SELECT 1;", ct).ConfigureAwait(false), transaction: false, cancellationToken);

    /// <inheritdoc />
    public Task CreateCollectionAsync(CollectionInfo collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return RunAsync(
            async (connection, ct) =>
            {
                await using var command = Command(
                    connection,
                    "INSERT INTO collections (id, api_root, title, description, alias, media_types, owner_org) VALUES ($1, $2, $3, $4, $5, $6, $7);",
                    collection.Id, collection.ApiRoot, collection.Title, collection.Description, collection.Alias, collection.MediaTypes.ToArray(), collection.OwnerOrganizationId);
                await ExecuteUniqueAsync(command, $"A collection with id {collection.Id} or alias '{collection.Alias}' already exists.", ct).ConfigureAwait(false);
                return 0;
            },
            transaction: false,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<CollectionInfo?> GetCollectionAsync(Guid collectionId, CancellationToken cancellationToken = default) =>
        RunAsync(
            async (connection, ct) => (await ReadCollectionsAsync(connection, CollectionColumns + " WHERE id = $1;", collectionId, ct).ConfigureAwait(false)).FirstOrDefault(),
            transaction: false,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CollectionInfo>> ListCollectionsAsync(string apiRoot, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<CollectionInfo>>(
            async (connection, ct) => await ReadCollectionsAsync(connection, CollectionColumns + " WHERE api_root = $1 ORDER BY seq;", apiRoot, ct).ConfigureAwait(false),
            transaction: false,
            cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (BeginDispose())
        {
            drained.Task.GetAwaiter().GetResult();
            dataSource.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (BeginDispose())
        {
            await drained.Task.ConfigureAwait(false);
            await dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The schema named first in a search path (unquoted names fold to lower case, as PostgreSQL folds them), else <c>public</c>.</summary>
    private static string FirstSchema(string? searchPath)
    {
        var first = searchPath?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(first))
        {
            return "public";
        }

        return first is ['"', .. var inner, '"'] ? inner.Replace("\"\"", "\"", StringComparison.Ordinal) : first.ToLowerInvariant();
    }

    private bool BeginDispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return false;
        }

        // In-flight operations finish (a write commits or rolls back) before the connections close.
        if (Volatile.Read(ref active) == 0)
        {
            drained.TrySetResult();
        }

        return true;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a pooled connection, in a transaction when <paramref name="transaction"/> is true
    /// (committed after <paramref name="work"/> returns, with fsync), again from the start on a transient error.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, bool transaction, CancellationToken cancellationToken, System.Data.IsolationLevel isolation = System.Data.IsolationLevel.ReadCommitted)
    {
        Interlocked.Increment(ref active);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            for (var attempt = 1; ; attempt++)
            {
                var committing = false;
                try
                {
                    await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                    if (!transaction)
                    {
                        return await work(connection, cancellationToken).ConfigureAwait(false);
                    }

                    await using var scope = await connection.BeginTransactionAsync(isolation, cancellationToken).ConfigureAwait(false);
                    var result = await work(connection, cancellationToken).ConfigureAwait(false);
                    committing = true;

                    // Not cancellable: once the commit is sent, its outcome must be known before returning.
                    await scope.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                    return result;
                }
                catch (Exception e) when (!committing && attempt < maxAttempts && Transient.IsTransient(e) && !cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(Transient.Delay(firstRetryDelay, attempt + 1), clock, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (Interlocked.Decrement(ref active) == 0 && Volatile.Read(ref disposed) != 0)
            {
                drained.TrySetResult();
            }
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = Command(connection, sql, values);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ExecuteUniqueAsync(NpgsqlCommand command, string conflict, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new StorageConflictException(conflict, e);
        }
    }

    private static async Task<List<CollectionInfo>> ReadCollectionsAsync(NpgsqlConnection connection, string sql, object key, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<CollectionInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new CollectionInfo(reader.GetGuid(0), reader.GetString(1), reader.GetString(2))
            {
                Description = reader.IsDBNull(3) ? null : reader.GetString(3),
                Alias = reader.IsDBNull(4) ? null : reader.GetString(4),
                MediaTypes = reader.GetFieldValue<string[]>(5),
                OwnerOrganizationId = reader.IsDBNull(6) ? null : reader.GetGuid(6),
            });
        }

        return list;
    }

}

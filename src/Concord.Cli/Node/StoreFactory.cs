// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Data.Common;
using Concord.Storage;
using Concord.Storage.Postgres;
using Concord.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Concord.Cli.Node;

/// <summary>
/// Opens the node's store with the engine the configuration names: <c>Storage:Engine</c> is <c>sqlite</c> (the default:
/// <c>concord.db</c> in the data directory) or <c>postgres</c> (<c>Storage:ConnectionString</c>, an Npgsql connection
/// string). Every command that opens the store goes through here.
/// </summary>
internal static class StoreFactory
{
    public const string EngineKey = "Storage:Engine";
    public const string ConnectionStringKey = "Storage:ConnectionString";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>The configured engine, <see cref="Sqlite"/> or <see cref="Postgres"/>.</summary>
    /// <exception cref="InvalidOperationException">The engine is unknown, or its settings do not fit it; the message names the key.</exception>
    public static string Engine(IConfiguration configuration)
    {
        var engine = configuration[EngineKey] is { Length: > 0 } text ? text.Trim().ToLowerInvariant() : Sqlite;
        var connectionString = configuration[ConnectionStringKey];
        return engine switch
        {
            Sqlite when !string.IsNullOrEmpty(connectionString) => throw new InvalidOperationException(
                $"Configuration key {ConnectionStringKey} is used only with {EngineKey}=postgres; the sqlite engine keeps concord.db in the data directory."),
            Sqlite => Sqlite,
            Postgres when string.IsNullOrWhiteSpace(connectionString) => throw new InvalidOperationException(
                $"Configuration key {ConnectionStringKey} is required with {EngineKey}=postgres (an Npgsql connection string: Host=…;Database=…;Username=…;Password=…)."),
            Postgres => Postgres,
            _ => throw new InvalidOperationException($"Configuration key {EngineKey} must be '{Sqlite}' or '{Postgres}', not '{configuration[EngineKey]}'."),
        };
    }

    /// <summary>Opens the configured store, creating or migrating its schema; null after a message on <paramref name="environment"/>'s error stream.</summary>
    /// <param name="configuration">The node's configuration.</param>
    /// <param name="environment">Where the message goes.</param>
    /// <param name="command">The command, for the message (<c>serve</c>, <c>org add</c>, …).</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    public static async Task<IConcordStore?> OpenAsync(IConfiguration configuration, CliEnvironment environment, string command, CancellationToken cancellationToken)
    {
        string engine;
        try
        {
            engine = Engine(configuration);
        }
        catch (InvalidOperationException e)
        {
            environment.Error.WriteLine($"concord {command}: {e.Message}");
            return null;
        }

        var target = engine == Sqlite ? NodeConfiguration.DatabasePath(configuration) : Describe(configuration[ConnectionStringKey]!);
        try
        {
            if (engine == Sqlite)
            {
                Directory.CreateDirectory(NodeConfiguration.DataDirectory(configuration));
                return SqliteStore.Open(target);
            }

            return await PostgresStore.OpenAsync(configuration[ConnectionStringKey]!, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            environment.Error.WriteLine($"concord {command}: configuration key {ConnectionStringKey} is not a valid Npgsql connection string: {e.Message}");
        }
        catch (Exception e) when (e is DbException or StorageException or IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"concord {command}: cannot open the {engine} store at {target}: {Reason(e)}");
        }

        return null;
    }

    /// <summary>Where a connection string points, without its password: <c>host:port/database as user</c>.</summary>
    private static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username} as {builder.Username ?? Environment.UserName}";
        }
        catch (ArgumentException)
        {
            return "the configured connection string";
        }
    }

    /// <summary>The message, with the cause when the message alone is generic ("Failed to connect to …" says nothing of why).</summary>
    private static string Reason(Exception e) =>
        e.InnerException is { } inner && e is not PostgresException ? $"{e.Message} ({inner.Message})" : e.Message;
}

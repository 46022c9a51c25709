// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Testing;
using Npgsql;

namespace Concord.Storage.Postgres.Tests;

/// <summary>The PostgreSQL server of <see cref="TestPostgres"/>, for the engine's own tests.</summary>
public static class PostgresServer
{
    private static readonly Lazy<NpgsqlDataSource> Admin = new(() => NpgsqlDataSource.Create(TestPostgres.ConnectionString));

    /// <summary>The connection string with its search path set to <paramref name="schema"/>.</summary>
    public static string WithSchema(string schema, string? applicationName = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { SearchPath = schema };
        if (applicationName is not null)
        {
            builder.ApplicationName = applicationName;
        }

        return builder.ToString();
    }

    /// <summary>Runs one statement as the test user, outside any store.</summary>
    public static async Task<object?> ExecuteAsync(string sql, params object[] values)
    {
        await using var command = Admin.Value.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteScalarAsync();
    }
}

/// <summary>Schemas private to one test instance, dropped afterwards: each test runs on its own fresh tables.</summary>
internal sealed class PostgresSchemas
{
    private readonly string prefix = TestPostgres.NewSchema("t") + "_";
    private readonly HashSet<string> created = [];

    public string Name(string database) => prefix + database.ToLowerInvariant();

    public IConcordStore Open(string database, TimeProvider clock) => OpenAsync(database, clock).GetAwaiter().GetResult();

    public async Task<PostgresStore> OpenAsync(string database, TimeProvider clock, string? applicationName = null)
    {
        var schema = Name(database);
        lock (created)
        {
            created.Add(schema);
        }

        return await PostgresStore.OpenAsync(new PostgresStoreOptions(PostgresServer.WithSchema(schema, applicationName)) { Clock = clock });
    }

    public async Task DeleteAsync()
    {
        foreach (var schema in created)
        {
            await PostgresServer.ExecuteAsync($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;");
        }
    }
}

/// <summary>The base of the PostgreSQL-specific tests: fresh schemas per test, dropped afterwards.</summary>
public abstract class PostgresTestBase : IAsyncLifetime
{
    internal PostgresSchemas Schemas { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Schemas.DeleteAsync();
}

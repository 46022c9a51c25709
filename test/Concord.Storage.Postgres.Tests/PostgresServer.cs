// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Npgsql;

namespace Concord.Storage.Postgres.Tests;

/// <summary>
/// The PostgreSQL server the tests use: the connection string in <c>CONCORD_TEST_POSTGRES</c> (<c>.ci/run</c> starts a
/// throwaway cluster and sets it). Without it the tests are skipped with <see cref="SkipReason"/>, except in CI
/// (<c>CI=true</c>), where they run and fail: CI must test this engine.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "CONCORD_TEST_POSTGRES";

    private static readonly Lazy<NpgsqlDataSource> Admin = new(() => NpgsqlDataSource.Create(ConnectionString));

    /// <summary>The connection string.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: give the Npgsql connection string of a PostgreSQL server the tests may create schemas in (.ci/postgres start DIR prints one).");

    /// <summary>Why the tests are skipped, or null when they run.</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"PostgreSQL tests skipped: {Variable} is not set (set it to an Npgsql connection string, for example the one `.ci/postgres start DIR` prints).";

    /// <summary>The connection string with its search path set to <paramref name="schema"/>.</summary>
    public static string WithSchema(string schema, string? applicationName = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema };
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
    private readonly string prefix = "t" + Guid.NewGuid().ToString("N")[..12] + "_";
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

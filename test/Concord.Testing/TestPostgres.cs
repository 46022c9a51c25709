// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Testing;

/// <summary>
/// The PostgreSQL server tests may use: the Npgsql connection string in <c>CONCORD_TEST_POSTGRES</c> (<c>.ci/run</c> starts a
/// throwaway cluster and sets it; <c>.ci/postgres start DIR</c> does the same by hand). Tests create their own schemas in it.
/// Without it, tests that need it are skipped with <see cref="SkipReason"/>, except in CI (<c>CI=true</c>), where they run
/// and fail: CI must test the PostgreSQL engine.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "CONCORD_TEST_POSTGRES";

    /// <summary>The variable that chooses the engine of the TAXII server tests: <c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public const string EngineVariable = "CONCORD_TEST_ENGINE";

    /// <summary>The connection string.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: give the Npgsql connection string of a PostgreSQL server the tests may create schemas in (.ci/postgres start DIR prints one).");

    /// <summary>Why tests that need PostgreSQL are skipped, or null when they run.</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"PostgreSQL tests skipped: {Variable} is not set (set it to an Npgsql connection string, for example the one `.ci/postgres start DIR` prints).";

    /// <summary>Whether <see cref="EngineVariable"/> asks for PostgreSQL.</summary>
    public static bool EngineIsPostgres =>
        Environment.GetEnvironmentVariable(EngineVariable) is { } engine && engine.Trim().Equals("postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string with its search path set to <paramref name="schema"/> (a later key wins in a connection string).</summary>
    public static string InSchema(string schema) => ConnectionString + ";Search Path=" + schema;

    /// <summary>A new schema name, unique per call, that a test drops when done.</summary>
    public static string NewSchema(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..12];
}

/// <summary>A fact that is skipped, with a clear message, when no PostgreSQL server is configured (outside CI).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

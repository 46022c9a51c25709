// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Npgsql;

namespace Concord.Storage.Postgres.Internal;

/// <summary>Which failures are worth another attempt.</summary>
internal static class Transient
{
    /// <summary>
    /// Whether <paramref name="exception"/> is transient: Npgsql's own classification (connection failures and timeouts,
    /// and the server's "try again" states: 08 connection exceptions, 40001 serialization failure, 40P01 deadlock,
    /// 53 insufficient resources, 57P01-57P03 shutdown and start-up). Authentication failures, a missing database,
    /// constraint violations and syntax errors are permanent.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient,
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

    /// <summary>The pause before attempt <paramref name="attempt"/> (2 or more): doubling from <paramref name="first"/>, with jitter so that retrying writers spread out.</summary>
    public static TimeSpan Delay(TimeSpan first, int attempt) =>
        first * Math.Pow(2, attempt - 2) * (0.75 + (Random.Shared.NextDouble() / 2));
}

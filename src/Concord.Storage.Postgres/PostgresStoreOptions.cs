// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Postgres;

/// <summary>How to open a <see cref="PostgresStore"/>.</summary>
/// <param name="ConnectionString">
/// An Npgsql connection string, for example <c>Host=db.example;Database=concord;Username=concord;Password=…</c>.
/// The tables live in the first schema of <c>Search Path</c> (created when missing), else in <c>public</c>.
/// Pooling settings (<c>Maximum Pool Size</c>, …) are Npgsql's.
/// </param>
/// <remarks>Immutable.</remarks>
public sealed record PostgresStoreOptions(string ConnectionString)
{
    /// <summary>The clock that dates added versions; the system clock by default. Dates stay strictly increasing per collection if it goes backwards or differs between processes.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How many times an operation is tried when PostgreSQL reports a transient error (connection lost, server restarting, serialization failure, deadlock, too many connections); 5 by default.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The pause before the second attempt; it doubles for each later one. 100 ms by default.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Sqlite;

/// <summary>How to open a <see cref="SqliteStore"/>.</summary>
/// <param name="Path">The database file; created, with its schema, when missing.</param>
/// <remarks>Immutable.</remarks>
public sealed record SqliteStoreOptions(string Path)
{
    /// <summary>The clock that dates added versions; the system clock by default. The store stays strictly increasing if it goes backwards.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The most reader connections kept open (readers beyond it open a connection for one query); by default twice the processor count.</summary>
    public int MaxPooledReaders { get; init; } = Environment.ProcessorCount * 2;
}

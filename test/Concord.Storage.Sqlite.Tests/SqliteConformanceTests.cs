// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Conformance;

namespace Concord.Storage.Sqlite.Tests;

/// <summary>Opens SQLite databases in a temp folder private to one test, deleted afterwards.</summary>
internal sealed class SqliteDatabases
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "concord-storage-" + Guid.NewGuid().ToString("N"));

    public IConcordStore Open(string database, TimeProvider clock)
    {
        Directory.CreateDirectory(folder);
        return SqliteStore.Open(new SqliteStoreOptions(Path.Combine(folder, database + ".db")) { Clock = clock });
    }

    public Task DeleteAsync()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}

public sealed class SqliteObjectsTests : ObjectsConformance
{
    private readonly SqliteDatabases databases = new();

    protected override IConcordStore OpenStore(string database, TimeProvider clock) => databases.Open(database, clock);

    protected override Task DeleteDatabasesAsync() => databases.DeleteAsync();
}

public sealed class SqliteOrderingTests : OrderingConformance
{
    private readonly SqliteDatabases databases = new();

    protected override IConcordStore OpenStore(string database, TimeProvider clock) => databases.Open(database, clock);

    protected override Task DeleteDatabasesAsync() => databases.DeleteAsync();
}

public sealed class SqliteStatusTests : StatusConformance
{
    private readonly SqliteDatabases databases = new();

    protected override IConcordStore OpenStore(string database, TimeProvider clock) => databases.Open(database, clock);

    protected override Task DeleteDatabasesAsync() => databases.DeleteAsync();
}

public sealed class SqliteAccountsTests : AccountsConformance
{
    private readonly SqliteDatabases databases = new();

    protected override IConcordStore OpenStore(string database, TimeProvider clock) => databases.Open(database, clock);

    protected override Task DeleteDatabasesAsync() => databases.DeleteAsync();
}

public sealed class ContractTypesTests : ContractTypesConformance
{
}

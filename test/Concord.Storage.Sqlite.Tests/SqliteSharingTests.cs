// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Conformance;

namespace Concord.Storage.Sqlite.Tests;

public sealed class SqliteSharingTests : SharingConformance
{
    private readonly SqliteDatabases databases = new();

    protected override IConcordStore OpenStore(string database, TimeProvider clock) => databases.Open(database, clock);

    protected override Task DeleteDatabasesAsync() => databases.DeleteAsync();
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Conformance;

namespace Concord.Storage.Postgres.Tests;

public sealed class PostgresObjectsTests : ObjectsConformance
{
    private readonly PostgresSchemas schemas = new();

    protected override IConcordStore OpenStore(string database, TimeProvider clock) => schemas.Open(database, clock);

    protected override Task DeleteDatabasesAsync() => schemas.DeleteAsync();
}

public sealed class PostgresOrderingTests : OrderingConformance
{
    private readonly PostgresSchemas schemas = new();

    protected override IConcordStore OpenStore(string database, TimeProvider clock) => schemas.Open(database, clock);

    protected override Task DeleteDatabasesAsync() => schemas.DeleteAsync();
}

public sealed class PostgresStatusTests : StatusConformance
{
    private readonly PostgresSchemas schemas = new();

    protected override IConcordStore OpenStore(string database, TimeProvider clock) => schemas.Open(database, clock);

    protected override Task DeleteDatabasesAsync() => schemas.DeleteAsync();
}

public sealed class PostgresAccountsTests : AccountsConformance
{
    private readonly PostgresSchemas schemas = new();

    protected override IConcordStore OpenStore(string database, TimeProvider clock) => schemas.Open(database, clock);

    protected override Task DeleteDatabasesAsync() => schemas.DeleteAsync();
}

public sealed class PostgresSharingTests : SharingConformance
{
    private readonly PostgresSchemas schemas = new();

    protected override IConcordStore OpenStore(string database, TimeProvider clock) => schemas.Open(database, clock);

    protected override Task DeleteDatabasesAsync() => schemas.DeleteAsync();
}

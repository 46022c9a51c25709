// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using Concord.Storage.Collections;
using Concord.Storage.Sqlite;

// Usage: CrashWriter DATABASE COLLECTION-ID BATCH-SIZE
// Prints "ACK first count" after each batch the store acknowledged; runs until killed.
var collectionId = Guid.Parse(args[1]);
var batchSize = int.Parse(args[2], CultureInfo.InvariantCulture);
using var store = SqliteStore.Open(args[0]);
if (await store.GetCollectionAsync(collectionId) is null)
{
    await store.CreateCollectionAsync(new CollectionInfo(collectionId, "api1", "crash"));
}

var stdout = Console.Out;
for (var first = 0; ; first += batchSize)
{
    var batch = new ReadOnlyMemory<byte>[batchSize];
    for (var i = 0; i < batchSize; i++)
    {
        batch[i] = Encoding.UTF8.GetBytes(CrashObject.Json(first + i));
    }

    await store.AddObjectsAsync(collectionId, batch);
    await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"ACK {first} {batchSize}"));
    await stdout.FlushAsync();
}

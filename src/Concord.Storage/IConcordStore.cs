// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage;

/// <summary>
/// A node's database: objects, collections, status resources, accounts and the sharing model. One instance per database, shared by
/// the whole process; open it once and dispose it at shutdown (disposal waits for in-flight writes).
/// </summary>
/// <remarks>Thread-safe; see <see cref="IObjectStore"/>, <see cref="IAccountStore"/> and <see cref="ISharingStore"/> for the contract.</remarks>
public interface IConcordStore : IObjectStore, IAccountStore, ISharingStore, IAsyncDisposable, IDisposable
{
}

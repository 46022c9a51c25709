// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage;

/// <summary>
/// A node's database: objects, collections, status resources and accounts. One instance per database, shared by
/// the whole process; open it once and dispose it at shutdown (disposal waits for in-flight writes).
/// </summary>
/// <remarks>Thread-safe; see <see cref="IObjectStore"/> and <see cref="IAccountStore"/> for the contract.</remarks>
public interface IConcordStore : IObjectStore, IAccountStore, IAsyncDisposable, IDisposable
{
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Text;
using Concord.Sharing.Policy;
using Concord.Storage;

namespace Concord.Taxii.Server.Internal;

/// <summary>
/// The <see cref="ObjectFacts"/> of the stored versions a server has decided on, kept in memory so that each stored version is
/// read once per process rather than once per request.
/// </summary>
/// <remarks>
/// <para>Keyed by the row's immutable identity, (collection, date added): a stored version's bytes never change, and a date
/// added is never given to another version (the store's ordering guarantee), so a cached entry can go stale only by its row
/// being deleted, and then it is never looked up again.</para>
/// <para>The first read of a version after the process starts pays the full read of its bytes; past
/// <see cref="Capacity"/> entries the cache starts again empty (a bound on memory, at the price of one cold page).</para>
/// <para>Thread-safe.</para>
/// </remarks>
internal sealed class ObjectFactsCache
{
    /// <summary>The most entries kept (about 100 bytes each, most facts being shared by their shape).</summary>
    public const int Capacity = 1_000_000;

    private readonly ConcurrentDictionary<Guid, CollectionFacts> collections = new();
    private int count;

    /// <summary>The facts of one collection's versions: looked up once per request, then by date added alone.</summary>
    /// <param name="collection">The collection.</param>
    public CollectionFacts Of(Guid collection) => collections.GetOrAdd(collection, static (_, cache) => new CollectionFacts(cache), this);

    /// <summary>The facts of one stored version.</summary>
    /// <param name="collection">The collection holding it.</param>
    /// <param name="dateAdded">Its date added.</param>
    /// <param name="json">Its stored JSON, read on a miss.</param>
    /// <param name="type">Its stored type.</param>
    public ObjectFacts Get(Guid collection, DateAdded dateAdded, ReadOnlyMemory<byte> json, string type) => Of(collection).Get(dateAdded, json, type);

    private void Counted()
    {
        if (Interlocked.Increment(ref count) > Capacity)
        {
            foreach (var facts in collections.Values)
            {
                facts.Clear();
            }

            Volatile.Write(ref count, 1);
        }
    }

    /// <summary>The cached facts of one collection, keyed by date added. Thread-safe.</summary>
    internal sealed class CollectionFacts(ObjectFactsCache cache)
    {
        private readonly ConcurrentDictionary<long, ObjectFacts> facts = new();

        /// <summary>The facts of one stored version of the collection.</summary>
        /// <param name="dateAdded">Its date added.</param>
        /// <param name="json">Its stored JSON, read on a miss.</param>
        /// <param name="type">Its stored type.</param>
        public ObjectFacts Get(DateAdded dateAdded, ReadOnlyMemory<byte> json, string type) =>
            facts.TryGetValue(dateAdded.UnixMicroseconds, out var known) ? known : Add(dateAdded, ObjectFacts.Read(json, type));

        /// <summary>The facts of one stored version whose type is at hand as UTF-8 (decoded on a miss only).</summary>
        /// <param name="dateAdded">Its date added.</param>
        /// <param name="json">Its stored JSON, read on a miss.</param>
        /// <param name="type">Its stored type in UTF-8.</param>
        public ObjectFacts Get(DateAdded dateAdded, ReadOnlyMemory<byte> json, ReadOnlySpan<byte> type) =>
            facts.TryGetValue(dateAdded.UnixMicroseconds, out var known) ? known : Add(dateAdded, ObjectFacts.Read(json, Encoding.UTF8.GetString(type)));

        internal void Clear() => facts.Clear();

        private ObjectFacts Add(DateAdded dateAdded, ObjectFacts read)
        {
            cache.Counted();
            facts[dateAdded.UnixMicroseconds] = read;
            return read;
        }
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using Concord.Benchmarks.Storage;

namespace Concord.Benchmarks.Taxii;

/// <summary>The storage benchmarks' objects, made valid STIX 2.1 for the TAXII path.</summary>
internal static class TaxiiData
{
    /// <summary>
    /// The same 10,000 indicators as <see cref="StorageData.Objects"/>, with the UUID version nibble of each id set to 4:
    /// the store takes any id, but the TAXII server validates every object and STIX ids are RFC 4122 version 4 UUIDs.
    /// </summary>
    public static ReadOnlyMemory<byte>[] Objects(int seed) =>
        StorageData.Objects(seed)
            .Select(o => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(o.Span).Replace("-0004-8000-", "-4004-8000-", StringComparison.Ordinal)))
            .ToArray();
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Sharing;

/// <summary>A working group: a named set of member organizations that share with each other (TLP:GREEN community) and own collections.</summary>
/// <param name="Id">The identifier.</param>
/// <param name="Name">The name, unique in the store (compared ordinally).</param>
/// <remarks>Immutable; a snapshot at the time of reading.</remarks>
public sealed record WorkingGroup(Guid Id, string Name)
{
    /// <summary>A human-readable description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>The member organizations' ids, in ascending order of id.</summary>
    public IReadOnlyList<Guid> Members { get; init; } = [];
}

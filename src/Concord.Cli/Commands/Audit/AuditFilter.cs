// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using Concord.Sharing.Audit;

namespace Concord.Cli.Commands.Audit;

/// <summary>The filters of <c>concord audit show</c>; every one given must hold.</summary>
internal sealed record AuditFilter(string? ObjectId, string? Organization, DateTimeOffset? Since, DateTimeOffset? Until, IReadOnlySet<AuditEntryKind>? Kinds)
{
    /// <summary>Reads the options; a bad time or kind is a <see cref="FormatException"/> naming the option.</summary>
    public static AuditFilter Create(string? objectId, string? organization, string? since, string? until, string? kinds)
    {
        HashSet<AuditEntryKind>? kindSet = null;
        if (kinds is not null)
        {
            kindSet = [];
            foreach (var name in kinds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                kindSet.Add(AuditEntryKinds.TryParse(name, out var kind)
                    ? kind.Value
                    : throw new FormatException($"--kind: '{name}' is not a kind; the kinds are {string.Join(", ", AuditEntryKinds.All)}."));
            }
        }

        return new AuditFilter(objectId, organization, Time("--since", since), Time("--until", until), kindSet);
    }

    public bool Matches(AuditEntry entry) =>
        (ObjectId is null || entry.Objects.Any(o => o.Id == ObjectId))
        && (Organization is null || (entry.Organization is { } o && (o.Name == Organization || (Guid.TryParse(Organization, out var id) && o.Id == id))))
        && (Since is null || entry.Time >= Since)
        && (Until is null || entry.Time < Until)
        && (Kinds is null || Kinds.Contains(entry.Kind));

    private static DateTimeOffset? Time(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new FormatException($"{option}: '{text}' is not a time; write it as ISO 8601, e.g. 2026-01-31T12:00:00Z.");
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Text.Json;
using Concord.Sharing.Markings;
using Concord.Sharing.PersonalData;
using Concord.Stix.Model.Meta;

namespace Concord.Sharing.Policy;

/// <summary>
/// What the decision point reads from one object version, whoever the recipient: its type, the TLP level of its
/// <c>object_marking_refs</c>, its granular TLP markings with their selectors, its named recipients and the personal data
/// the guard finds in it. A pure function of the stored bytes, so it is read once per stored version and decided for any
/// number of recipients with <see cref="RecipientView.Decide(ObjectFacts, string)"/>, to the same decision as
/// <see cref="RecipientView.Decide(ObjectVersion)"/>.
/// </summary>
/// <remarks>
/// Versions with nothing to redact, no named recipients and no granular marking differ only by type and TLP level: they share
/// one instance per (type, level) (<see cref="IsCommon"/>), so a reader can keep one decision per shape instead of one per
/// version. Thread-safe: the facts are immutable; the one decision remembered with them is replaced by a single reference
/// write.
/// </remarks>
public sealed class ObjectFacts
{
    // Bounds the shapes kept for types seen in content (custom types are unbounded in principle); past it, facts are
    // simply not shared.
    private const int MaximumCommonShapes = 4096;

    private static readonly ConcurrentDictionary<(string Type, TlpLevel? Level), ObjectFacts> Common = new();

    private ObjectFacts(FactsKind kind, string type, TlpLevel? level, IReadOnlyList<GranularTlp> granular, IReadOnlyList<Guid> recipients, IReadOnlyList<PersonalDataFinding> findings, bool common)
    {
        Kind = kind;
        Type = type;
        Level = level;
        Granular = granular;
        Recipients = recipients;
        Findings = findings;
        IsCommon = common;
    }

    /// <summary>Whether this instance stands for every version of its type and TLP level that has nothing else to decide on.</summary>
    public bool IsCommon { get; }

    /// <summary>The stored type.</summary>
    public string Type { get; }

    internal FactsKind Kind { get; }

    internal TlpLevel? Level { get; }

    internal IReadOnlyList<GranularTlp> Granular { get; }

    internal IReadOnlyList<Guid> Recipients { get; }

    internal IReadOnlyList<PersonalDataFinding> Findings { get; }

    /// <summary>
    /// The decision last made on these facts and for which recipient view: a version read again by the same view (the same
    /// recipient under the same policy) is not decided again. Only facts that are not <see cref="IsCommon"/> keep one.
    /// </summary>
    internal DecisionMemo? LastDecision { get; set; }

    /// <summary>Reads the facts of an object version from its stored bytes.</summary>
    /// <param name="json">The UTF-8 JSON as stored.</param>
    /// <param name="type">The stored type.</param>
    /// <returns>The facts; JSON that cannot be parsed, or that is not an object, yields facts that every recipient but the owner is denied.</returns>
    /// <remarks>
    /// Most versions are read with one forward reader (<see cref="ObjectScan"/>); a version with granular markings or with
    /// something the personal-data guard may find is parsed into a document.
    /// </remarks>
    public static ObjectFacts Read(ReadOnlyMemory<byte> json, string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        JsonDocument document;
        try
        {
            if (ObjectScan.TryRead(json.Span, type, out var markings) && markings.GranularLevels.Count == 0)
            {
                return markings.Recipients.Count > 0
                    ? new ObjectFacts(FactsKind.Object, type, markings.Level, [], markings.Recipients, [], common: false)
                    : CommonShape(type, markings.Level);
            }

            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return new ObjectFacts(FactsKind.Unreadable, type, null, [], [], [], common: false);
        }

        using (document)
        {
            return Read(document.RootElement, json.Span, type);
        }
    }

    /// <summary>Reads the facts of an object version from its parsed JSON.</summary>
    /// <param name="root">The parsed <paramref name="json"/>.</param>
    /// <param name="json">The UTF-8 JSON as stored.</param>
    /// <param name="type">The stored type.</param>
    internal static ObjectFacts Read(JsonElement root, ReadOnlySpan<byte> json, string type)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new ObjectFacts(FactsKind.NotObject, type, null, [], [], [], common: false);
        }

        var markings = ObjectMarkings.Read(root);
        var findings = PersonalDataGuard.MayContain(json, type) ? PersonalDataGuard.Inspect(root, type) : [];
        return markings.Granular.Count == 0 && markings.Recipients.Count == 0 && findings.Count == 0
            ? CommonShape(type, markings.Level)
            : new ObjectFacts(FactsKind.Object, type, markings.Level, markings.Granular, markings.Recipients, findings, common: false);
    }

    private static ObjectFacts CommonShape(string type, TlpLevel? level)
    {
        if (Common.TryGetValue((type, level), out var shared))
        {
            return shared;
        }

        var facts = new ObjectFacts(FactsKind.Object, type, level, [], [], [], common: Common.Count < MaximumCommonShapes);
        return facts.IsCommon ? Common.GetOrAdd((type, level), facts) : facts;
    }

    /// <summary>A decision and the view that made it.</summary>
    internal sealed record DecisionMemo(RecipientView View, PolicyDecision Decision);

    /// <summary>What the stored bytes are.</summary>
    internal enum FactsKind
    {
        /// <summary>A JSON object.</summary>
        Object,

        /// <summary>Not well-formed JSON.</summary>
        Unreadable,

        /// <summary>Well-formed JSON that is not an object.</summary>
        NotObject,
    }
}

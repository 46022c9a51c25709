// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Sharing.PersonalData;
using Concord.Stix.Model.Meta;
using Concord.Storage.Sharing;

namespace Concord.Sharing.Policy;

/// <summary>
/// The decisions of a <see cref="SharingPolicy"/> for one recipient organization and one origin, prepared once per request
/// (see the rules on <see cref="SharingPolicy"/>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RecipientView
{
    private static readonly HashSet<string> IdentifyingProperties = new(StringComparer.Ordinal) { "id", "type", "spec_version", "created", "modified" };

    private readonly string channel;
    private readonly bool sameGroup;
    private readonly Agreement[] covering;

    internal RecipientView(Guid recipient, string channel, RecipientRelation relation, bool sameGroup, Agreement[] covering)
    {
        Recipient = recipient;
        Relation = relation;
        this.channel = channel;
        this.sameGroup = sameGroup;
        this.covering = covering;
    }

    /// <summary>The recipient organization.</summary>
    public Guid Recipient { get; }

    /// <summary>How the recipient stands to the origin.</summary>
    public RecipientRelation Relation { get; }

    /// <summary>The agreements in force that let the origin's content flow to the recipient.</summary>
    public IReadOnlyList<Agreement> Agreements => covering;

    /// <summary>Decides for one object version.</summary>
    /// <param name="version">The version with its stored metadata.</param>
    /// <returns>The decision. JSON that cannot be parsed is denied (it cannot be checked).</returns>
    /// <remarks>
    /// The same decision as <see cref="Decide(ObjectVersion, JsonElement)"/> on the parsed JSON. Most versions have nothing
    /// to redact: their markings are read with a forward reader over the stored bytes (<see cref="ObjectScan"/>), and only a
    /// version that a granular marking or the personal-data guard may change is parsed into a document.
    /// </remarks>
    public PolicyDecision Decide(ObjectVersion version)
    {
        if (Relation == RecipientRelation.SameOrganization)
        {
            return PolicyDecision.Allowed;
        }

        JsonDocument document;
        try
        {
            if (ObjectScan.TryRead(version.Json.Span, version.Type, out var markings))
            {
                if (Refusal(markings.Level, version.Type, markings.Recipients) is { } refusal)
                {
                    return PolicyDecision.Deny(refusal);
                }

                if (markings.GranularLevels.All(level => Refusal(level, version.Type, markings.Recipients) is null))
                {
                    return PolicyDecision.Allowed;
                }
            }

            document = JsonDocument.Parse(version.Json);
        }
        catch (JsonException)
        {
            return PolicyDecision.Deny($"{version.Id}: the stored JSON cannot be parsed, so it cannot be checked.");
        }

        using (document)
        {
            return Decide(version, document.RootElement);
        }
    }

    /// <summary>Decides for one object version whose JSON the caller has already parsed (so it is not parsed twice).</summary>
    /// <param name="version">The version with its stored metadata.</param>
    /// <param name="root">The parsed <see cref="ObjectVersion.Json"/> of <paramref name="version"/>.</param>
    /// <returns>The decision.</returns>
    public PolicyDecision Decide(ObjectVersion version, JsonElement root) =>
        Relation == RecipientRelation.SameOrganization ? PolicyDecision.Allowed : Decide(ObjectFacts.Read(root, version.Json.Span, version.Type), version.Id);

    /// <summary>Decides for one object version from its facts, read once from its stored bytes.</summary>
    /// <param name="facts">The version's facts (<see cref="ObjectFacts.Read(ReadOnlyMemory{byte}, string)"/>).</param>
    /// <param name="id">The object's <c>id</c>, for the reason of a denial.</param>
    /// <returns>The same decision as <see cref="Decide(ObjectVersion)"/> on the bytes the facts were read from.</returns>
    public PolicyDecision Decide(ObjectFacts facts, string id)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (Relation == RecipientRelation.SameOrganization)
        {
            return PolicyDecision.Allowed;
        }

        switch (facts.Kind)
        {
            case ObjectFacts.FactsKind.Unreadable:
                return PolicyDecision.Deny($"{id}: the stored JSON cannot be parsed, so it cannot be checked.");
            case ObjectFacts.FactsKind.NotObject:
                return PolicyDecision.Deny($"{id}: the stored JSON is not an object.");
        }

        // A view is immutable and an object's decision does not depend on its id, so the decision is the same every time.
        if (facts.LastDecision is { } memo && ReferenceEquals(memo.View, this))
        {
            return memo.Decision;
        }

        var decision = DecideObject(facts);
        if (!facts.IsCommon)
        {
            facts.LastDecision = new ObjectFacts.DecisionMemo(this, decision);
        }

        return decision;
    }

    private PolicyDecision DecideObject(ObjectFacts facts)
    {
        if (Refusal(facts.Level, facts.Type, facts.Recipients) is { } refusal)
        {
            return PolicyDecision.Deny(refusal);
        }

        var redactions = new List<Redaction>();
        foreach (var granular in facts.Granular)
        {
            if (Refusal(granular.Level, facts.Type, facts.Recipients) is not { } why)
            {
                continue;
            }

            if (granular.CoversAll || granular.Selectors.Any(selector => IdentifyingProperties.Contains(selector.TopLevelProperty)))
            {
                return PolicyDecision.Deny($"a granular {TlpMarkings.Tlp2NameOf(granular.Level)} marking covers what identifies the object ({why})");
            }

            redactions.AddRange(granular.Selectors.Select(selector => new Redaction(selector, null, "granular marking: " + why)));
        }

        return GuardPersonalData(facts.Findings, facts.Type, facts.Level, redactions);
    }

    /// <summary>Why the recipient may not receive content at <paramref name="level"/>, or null when it may.</summary>
    private string? Refusal(TlpLevel? level, string type, IReadOnlyList<Guid> named) => level switch
    {
        null => Relation == RecipientRelation.WorkingGroupMember ? null : $"{channel}: content without a TLP marking stays with its owner",
        TlpLevel.Clear => null,
        TlpLevel.Green => Relation == RecipientRelation.WorkingGroupMember || sameGroup || Covered(TlpLevel.Green, type) ? null
            : $"{channel}: TLP:GREEN reaches the owner's working groups and agreement parties covering GREEN '{type}' only",
        TlpLevel.Red => named.Contains(Recipient) ? null : $"{channel}: TLP:RED reaches its named recipients only",
        var amber => Relation == RecipientRelation.WorkingGroupMember || Covered(amber.Value, type) ? null
            : $"{channel}: {TlpMarkings.Tlp2NameOf(amber.Value)} reaches agreement parties covering it and '{type}' only",
    };

    private bool Covered(TlpLevel level, string type) => covering.Any(agreement => CoversContent(agreement, level, type));

    private static bool CoversContent(Agreement agreement, TlpLevel? level, string type) =>
        level is { } known
        && agreement.TlpLevels.Contains(known)
        && (agreement.AllowedTypes.Count == 0 || agreement.AllowedTypes.Contains(type, StringComparer.Ordinal))
        && !agreement.ExcludedTypes.Contains(type, StringComparer.Ordinal);

    private PolicyDecision GuardPersonalData(IReadOnlyList<PersonalDataFinding> findings, string type, TlpLevel? level, List<Redaction> redactions)
    {
        if (findings.Count == 0)
        {
            return PolicyDecision.Redact(redactions);
        }

        var allowed = covering
            .Where(agreement => CoversContent(agreement, level, type))
            .SelectMany(agreement => agreement.PersonalData)
            .Select(permission => permission.Category)
            .ToHashSet();
        foreach (var group in findings.Where(finding => !allowed.Contains(finding.Category)).GroupBy(finding => finding.Path))
        {
            if (group.Key is not { } path)
            {
                var category = group.First().Category.ToName();
                return PolicyDecision.Deny($"{channel}: personal data ({category}) crosses an organization boundary only under an agreement allowing '{category}'");
            }

            if (redactions.Any(removed => path.IsWithin(removed.Path)))
            {
                continue;
            }

            var masked = group.Aggregate(group.First().Text!, (text, finding) => PersonalDataGuard.Mask(text, finding.Category));
            var categories = string.Join(", ", group.Select(finding => finding.Category.ToName()));
            redactions.Add(new Redaction(path, masked, $"personal data ({categories}) masked: no agreement allows it"));
        }

        return PolicyDecision.Redact(redactions);
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Sharing.Administration;

/// <summary>
/// A new agreement as an administrator writes it (the <c>concord agreement add</c> flags and the JSON body of
/// <c>POST /api/v1/agreements</c>): parties and provider by name, levels and categories by their wire names.
/// </summary>
/// <remarks>Immutable. <see cref="SharingAdministration.AddAgreementAsync"/> resolves and checks it.</remarks>
public sealed record AgreementRequest
{
    /// <summary>The agreement's name, unique on the node.</summary>
    public string? Name { get; init; }

    /// <summary>A description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>The parties: <c>org:NAME</c> for an organization, <c>group:NAME</c> for a working group.</summary>
    public IReadOnlyList<string> Parties { get; init; } = [];

    /// <summary><c>mutual</c> (the default) or <c>one-way</c>.</summary>
    public string? Direction { get; init; }

    /// <summary>The disclosing party of a one-way agreement (<c>org:NAME</c> or <c>group:NAME</c>).</summary>
    public string? Provider { get; init; }

    /// <summary>The TLP levels covered: <c>clear</c>, <c>green</c>, <c>amber</c>, <c>amber+strict</c>, <c>red</c> (<c>white</c> is read as <c>clear</c>).</summary>
    public IReadOnlyList<string> Tlp { get; init; } = [];

    /// <summary>The STIX types covered; empty for every type.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>The STIX types never covered.</summary>
    public IReadOnlyList<string> ExcludeTypes { get; init; } = [];

    /// <summary>The personal-data categories allowed (<c>individual</c>, <c>email-address</c>, <c>user-account</c>, <c>phone-number</c>), each with its legal basis.</summary>
    public IReadOnlyDictionary<string, string> PersonalData { get; init; } = new Dictionary<string, string>();

    /// <summary>The retention period in days, or null for none.</summary>
    public int? RetentionDays { get; init; }

    /// <summary>When the agreement comes into force; now when null.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>When it ends, or null.</summary>
    public DateTimeOffset? ValidUntil { get; init; }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model;

/// <summary>A granular marking (section 7.2.3): a marking or language applied to selected properties.</summary>
/// <param name="json">The JSON object.</param>
public sealed class GranularMarking(JsonElement json) : StixElement(json)
{
    /// <summary>The <c>marking_ref</c> property.</summary>
    public string? MarkingRef => GetString("marking_ref");

    /// <summary>The <c>lang</c> property.</summary>
    public string? Lang => GetString("lang");

    /// <summary>The <c>selectors</c> property.</summary>
    public IReadOnlyList<string> Selectors => GetStrings("selectors");
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Meta;

/// <summary>A TLP 1.0 marking object: the <c>definition</c> of a TLP marking-definition (section 7.2.1.4).</summary>
/// <param name="json">The JSON object.</param>
public sealed class TlpMarking(JsonElement json) : StixElement(json)
{
    /// <summary><c>tlp</c> (required): The TLP level [TLP] of the content marked by this marking definition, as defined in this section (section 7.2.1.4).</summary>
    public string? Tlp => GetString("tlp");
}

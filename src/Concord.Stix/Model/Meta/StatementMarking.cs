// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Meta;

/// <summary>A Statement marking: a textual marking statement such as a copyright or terms of use (section 7.2.1.3).</summary>
/// <param name="json">The JSON object.</param>
public sealed class StatementMarking(JsonElement json) : StixElement(json)
{
    /// <summary><c>statement</c> (required): A Statement (e.g., copyright, terms of use) applied to the content marked by this marking definition (section 7.2.1.3).</summary>
    public string? Statement => GetString("statement");
}

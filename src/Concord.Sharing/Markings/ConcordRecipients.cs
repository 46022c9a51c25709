// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Sharing.Markings;

/// <summary>
/// The named recipients of TLP:RED content: a STIX 2.1 property extension (section 7.3) defined by Concord's
/// extension-definition <see cref="ExtensionDefinitionId"/>, whose property <see cref="PropertyName"/> lists the ids of the
/// recipient organizations. docs/sharing.md gives the extension-definition object.
/// </summary>
/// <remarks>
/// <code>
/// "extensions": { "extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e": {
///     "extension_type": "property-extension", "recipient_organizations": ["6a1c…", "0b7e…"] } }
/// </code>
/// An entry that is not a UUID names nobody: TLP:RED falls back to its default of reaching no one but its origin. Thread-safe.
/// </remarks>
public static class ConcordRecipients
{
    /// <summary>The id of Concord's recipients extension-definition.</summary>
    public const string ExtensionDefinitionId = "extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e";

    /// <summary>The property of the extension that lists recipient organization ids.</summary>
    public const string PropertyName = "recipient_organizations";

    /// <summary>Reads the named recipient organizations of an object.</summary>
    /// <param name="root">The object.</param>
    /// <returns>The organization ids; empty when the object names none.</returns>
    public static IReadOnlyList<Guid> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("extensions", out var extensions)
            || extensions.ValueKind != JsonValueKind.Object
            || !extensions.TryGetProperty(ExtensionDefinitionId, out var extension)
            || extension.ValueKind != JsonValueKind.Object
            || !extension.TryGetProperty(PropertyName, out var list)
            || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var recipients = new List<Guid>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && Guid.TryParse(item.GetString(), out var id))
            {
                recipients.Add(id);
            }
        }

        return recipients;
    }
}

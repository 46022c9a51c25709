// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>An Observed Data: information about cyber security related entities that were observed (section 4.14.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class ObservedData(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>observed-data</c> (section 4.14.1).</summary>
    public const string TypeName = "observed-data";

    /// <summary><c>first_observed</c> (required): The beginning of the time window during which the data was seen (section 4.14.1).</summary>
    public StixTimestamp? FirstObserved => GetTimestamp("first_observed");

    /// <summary><c>last_observed</c> (required): The end of the time window during which the data was seen (section 4.14.1).</summary>
    public StixTimestamp? LastObserved => GetTimestamp("last_observed");

    /// <summary><c>number_observed</c> (required): The number of times that each Cyber-observable object represented in the objects or object_refs property was seen (section 4.14.1).</summary>
    public long? NumberObserved => GetInt64("number_observed");

    /// <summary><c>object_refs</c>: A list of SCOs and SROs representing the observation (section 4.14.1).</summary>
    public IReadOnlyList<string> ObjectRefs => GetStrings("object_refs");

    /// <summary><c>objects</c> (deprecated): the observable container, index to the typed view of each object (section 4.14.1, 2.13).</summary>
    public IReadOnlyDictionary<string, StixObject> Objects
    {
        get
        {
            var result = new Dictionary<string, StixObject>(StringComparer.Ordinal);
            if (TryGetProperty("objects", out var container) && container.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in container.EnumerateObject())
                {
                    if (entry.Value.ValueKind == JsonValueKind.Object)
                    {
                        result[entry.Name] = FromJson(entry.Value);
                    }
                }
            }

            return result;
        }
    }
}

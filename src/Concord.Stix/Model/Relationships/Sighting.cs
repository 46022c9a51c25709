// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Relationships;

/// <summary>A Sighting: the belief that something in CTI (e.g. an indicator or malware) was seen (section 5.2.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Sighting(JsonElement json) : RelationshipObject(json)
{
    /// <summary>The STIX type name, <c>sighting</c> (section 5.2.1).</summary>
    public const string TypeName = "sighting";

    /// <summary><c>description</c>: A description that provides more details and context about the Sighting (section 5.2.1).</summary>
    public string? Description => GetString("description");

    /// <summary><c>first_seen</c>: The beginning of the time window during which the SDO referenced by the sighting_of_ref property was sighted (section 5.2.1).</summary>
    public StixTimestamp? FirstSeen => GetTimestamp("first_seen");

    /// <summary><c>last_seen</c>: The end of the time window during which the SDO referenced by the sighting_of_ref property was sighted (section 5.2.1).</summary>
    public StixTimestamp? LastSeen => GetTimestamp("last_seen");

    /// <summary>The <c>count</c> property (section 5.2.1).</summary>
    public long? Count => GetInt64("count");

    /// <summary><c>sighting_of_ref</c> (required): An ID reference to the SDO that was sighted (e.g., Indicator or Malware) (section 5.2.1).</summary>
    public string? SightingOfRef => GetString("sighting_of_ref");

    /// <summary><c>observed_data_refs</c>: A list of ID references to the Observed Data objects that contain the raw cyber data for this Sighting (section 5.2.1).</summary>
    public IReadOnlyList<string> ObservedDataRefs => GetStrings("observed_data_refs");

    /// <summary><c>where_sighted_refs</c>: A list of ID references to the Identity or Location objects describing the entities or types of entities that saw the sighting (section 5.2.1).</summary>
    public IReadOnlyList<string> WhereSightedRefs => GetStrings("where_sighted_refs");

    /// <summary><c>summary</c>: whether the Sighting is summary data rather than primary source data; absent means false (section 5.2.1, a boolean as in the OASIS JSON schema).</summary>
    public bool? Summary => GetBoolean("summary");
}

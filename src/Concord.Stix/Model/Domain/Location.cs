// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>A Location: a geographic location (section 4.10.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Location(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>location</c> (section 4.10.1).</summary>
    public const string TypeName = "location";

    /// <summary><c>name</c>: A name used to identify the Location (section 4.10.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>description</c>: A textual description of the Location (section 4.10.1).</summary>
    public string? Description => GetString("description");

    /// <summary><c>latitude</c>: The latitude of the Location in decimal degrees (section 4.10.1).</summary>
    public double? Latitude => GetDouble("latitude");

    /// <summary><c>longitude</c>: The longitude of the Location in decimal degrees (section 4.10.1).</summary>
    public double? Longitude => GetDouble("longitude");

    /// <summary><c>precision</c>: Defines the precision of the coordinates specified by the latitude and longitude properties (section 4.10.1).</summary>
    public double? Precision => GetDouble("precision");

    /// <summary><c>region</c>: The region that this Location describes (section 4.10.1).</summary>
    public string? Region => GetString("region");

    /// <summary><c>country</c>: The country that this Location describes (section 4.10.1).</summary>
    public string? Country => GetString("country");

    /// <summary><c>administrative_area</c>: The state, province, or other sub-national administrative area that this Location describes (section 4.10.1).</summary>
    public string? AdministrativeArea => GetString("administrative_area");

    /// <summary><c>city</c>: The city that this Location describes (section 4.10.1).</summary>
    public string? City => GetString("city");

    /// <summary><c>street_address</c>: The street address that this Location describes (section 4.10.1).</summary>
    public string? StreetAddress => GetString("street_address");

    /// <summary><c>postal_code</c>: The postal code for the Location (section 4.10.1).</summary>
    public string? PostalCode => GetString("postal_code");
}

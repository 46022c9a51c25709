// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>An Identity: an individual, organization, group, class or system (section 4.5.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Identity(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>identity</c> (section 4.5.1).</summary>
    public const string TypeName = "identity";

    /// <summary><c>name</c> (required): A name used to identify the Identity (section 4.5.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>description</c>: A description that provides more details and context about the Identity, potentially including its purpose and its key characteristics (section 4.5.1).</summary>
    public string? Description => GetString("description");

    /// <summary><c>roles</c>: The list of roles that this Identity performs (e.g., CEO, Domain Administrators, Doctors, Hospital, or Retailer) (section 4.5.1).</summary>
    public IReadOnlyList<string> Roles => GetStrings("roles");

    /// <summary><c>identity_class</c>: The type of entity that this Identity describes, e.g., an individual or organization (section 4.5.1).</summary>
    public string? IdentityClass => GetString("identity_class");

    /// <summary><c>sectors</c>: The list of industry sectors that this Identity belongs to (section 4.5.1).</summary>
    public IReadOnlyList<string> Sectors => GetStrings("sectors");

    /// <summary><c>contact_information</c>: The contact information (e-mail, phone number, etc.) for this Identity (section 4.5.1).</summary>
    public string? ContactInformation => GetString("contact_information");
}

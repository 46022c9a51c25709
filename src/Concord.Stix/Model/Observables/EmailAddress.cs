// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>An Email Address: a single email address (section 6.5.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class EmailAddress(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>email-addr</c> (section 6.5.1).</summary>
    public const string TypeName = "email-addr";

    /// <summary><c>value</c> (required): Specifies the value of the email address (section 6.5.1).</summary>
    public string? Value => GetString("value");

    /// <summary><c>display_name</c>: Specifies a single email display name, i.e., the name that is displayed to the human user of a mail application (section 6.5.1).</summary>
    public string? DisplayName => GetString("display_name");

    /// <summary><c>belongs_to_ref</c>: Specifies the user account that the email address belongs to, as a reference to a User Account object (section 6.5.1).</summary>
    public string? BelongsToRef => GetString("belongs_to_ref");
}

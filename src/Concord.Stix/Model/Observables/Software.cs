// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>A Software: high-level properties associated with software, including software products (section 6.14.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Software(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>software</c> (section 6.14.1).</summary>
    public const string TypeName = "software";

    /// <summary><c>name</c> (required): Specifies the name of the software (section 6.14.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>cpe</c>: Specifies the Common Platform Enumeration (CPE) entry for the software, if available (section 6.14.1).</summary>
    public string? Cpe => GetString("cpe");

    /// <summary><c>swid</c>: Specifies the Software Identification (SWID) Tags [SWID] entry for the software, if available (section 6.14.1).</summary>
    public string? Swid => GetString("swid");

    /// <summary><c>languages</c>: Specifies the languages supported by the software (section 6.14.1).</summary>
    public IReadOnlyList<string> Languages => GetStrings("languages");

    /// <summary><c>vendor</c>: Specifies the name of the vendor of the software (section 6.14.1).</summary>
    public string? Vendor => GetString("vendor");

    /// <summary><c>version</c>: Specifies the version of the software (section 6.14.1).</summary>
    public string? Version => GetString("version");
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>A Windows Registry Key: the properties of a Windows registry key (section 6.17.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class WindowsRegistryKey(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>windows-registry-key</c> (section 6.17.1).</summary>
    public const string TypeName = "windows-registry-key";

    /// <summary><c>key</c>: Specifies the full registry key including the hive (section 6.17.1).</summary>
    public string? Key => GetString("key");

    /// <summary><c>values</c>: Specifies the values found under the registry key (section 6.17.1).</summary>
    public IReadOnlyList<WindowsRegistryValue> Values => GetObjects("values", e => new WindowsRegistryValue(e));

    /// <summary><c>modified_time</c>: Specifies the last date/time that the registry key was modified (section 6.17.1).</summary>
    public StixTimestamp? ModifiedTime => GetTimestamp("modified_time");

    /// <summary><c>creator_user_ref</c>: Specifies a reference to the user account that created the registry key (section 6.17.1).</summary>
    public string? CreatorUserRef => GetString("creator_user_ref");

    /// <summary><c>number_of_subkeys</c>: Specifies the number of subkeys contained under the registry key (section 6.17.1).</summary>
    public long? NumberOfSubkeys => GetInt64("number_of_subkeys");
}

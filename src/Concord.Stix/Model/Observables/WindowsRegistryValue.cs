// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>A Windows registry value (section 6.17.2).</summary>
/// <param name="json">The JSON object.</param>
public sealed class WindowsRegistryValue(JsonElement json) : StixElement(json)
{
    /// <summary><c>name</c>: Specifies the name of the registry value (section 6.17.2).</summary>
    public string? Name => GetString("name");

    /// <summary><c>data</c>: Specifies the data contained in the registry value (section 6.17.2).</summary>
    public string? Data => GetString("data");

    /// <summary><c>data_type</c>: Specifies the registry (REG_) data type used in the registry value (section 6.17.2).</summary>
    public string? DataType => GetString("data_type");
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model;

/// <summary>Maps a type name to its typed view.</summary>
internal static class StixObjectFactory
{
    public static StixObject Create(string type, JsonElement json) => type switch
    {
        _ => new CustomObject(json),
    };
}

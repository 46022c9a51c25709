// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Model;

namespace Concord.Stix.Tests.Model;

internal static class ViewTestSupport
{
    /// <summary>Parses one object and asserts the view type the factory chose.</summary>
    public static T Parse<T>(string json)
        where T : StixObject
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        return Assert.IsType<T>(StixObject.FromJson(JsonElement.ParseValue(ref reader)));
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Concord.Sharing.Policy;

/// <summary>Source-generated serialization of redacted objects, so the library stays AOT-compatible.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class RedactorJson : JsonSerializerContext
{
}

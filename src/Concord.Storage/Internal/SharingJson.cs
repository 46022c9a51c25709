// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Serialization;
using Concord.Storage.Sharing;

namespace Concord.Storage.Internal;

/// <summary>The JSON form of an agreement in the <c>agreements.body</c> column (source-generated, so the engine stays AOT-compatible).</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Agreement))]
internal sealed partial class SharingJson : JsonSerializerContext
{
}

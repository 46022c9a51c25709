// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Serialization;

namespace Concord.Federation;

/// <summary>The JSON of <c>peers.json</c>, the per-peer sync state and the status endpoint (snake_case, like TAXII).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(List<Peer>))]
[JsonSerializable(typeof(PeerSyncState))]
[JsonSerializable(typeof(PeerPushState))]
[JsonSerializable(typeof(List<PeerStatus>))]
internal sealed partial class FederationJsonContext : JsonSerializerContext
{
}

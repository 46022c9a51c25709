// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Serialization;

namespace Concord.Sharing.Administration;

/// <summary>The JSON of the sharing administration (CLI <c>--json</c> output and the HTTP admin API): snake_case, source-generated.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgreementRequest))]
[JsonSerializable(typeof(AgreementView))]
[JsonSerializable(typeof(IReadOnlyList<AgreementView>))]
[JsonSerializable(typeof(WorkingGroupView))]
[JsonSerializable(typeof(IReadOnlyList<WorkingGroupView>))]
public sealed partial class SharingJsonContext : JsonSerializerContext
{
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Concord.Taxii.Resources;

/// <summary>Source-generated System.Text.Json metadata for every TAXII resource: snake_case names, nulls omitted.</summary>
/// <remarks>Thread-safe. Use <see cref="JsonSerializerContext"/> members such as <c>TaxiiJsonContext.Default.Discovery</c>.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    MaxDepth = 64)]
[JsonSerializable(typeof(Discovery))]
[JsonSerializable(typeof(ApiRoot))]
[JsonSerializable(typeof(TaxiiCollection))]
[JsonSerializable(typeof(TaxiiCollections))]
[JsonSerializable(typeof(Envelope))]
[JsonSerializable(typeof(Manifest))]
[JsonSerializable(typeof(Versions))]
[JsonSerializable(typeof(TaxiiStatus))]
[JsonSerializable(typeof(TaxiiError))]
public sealed partial class TaxiiJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context used on the wire: like <see cref="JsonSerializerContext"/>'s default but without escaping of
    /// <c>+</c>, <c>'</c> and non-ASCII letters, which TAXII content (media types, names) is full of. The content type is
    /// never HTML, so HTML-sensitive escaping serves no purpose.
    /// </summary>
    public static TaxiiJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        MaxDepth = 64,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

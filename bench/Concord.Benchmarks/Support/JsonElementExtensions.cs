// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Benchmarks.Support;

internal static class JsonElementExtensions
{
    /// <summary>Touches the root so the baseline's result is used; the count of top-level properties.</summary>
    public static int CountProperties(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().Count() : 0;
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;

namespace Concord.Storage.Sqlite;

/// <summary>The deterministic objects the crash writer sends, so the test can check their bytes.</summary>
public static class CrashObject
{
    /// <summary>The id of object <paramref name="n"/>.</summary>
    /// <param name="n">The object number.</param>
    public static string Id(int n) => "indicator--" + new Guid(n, 7, 7, new byte[8]).ToString("D");

    /// <summary>The JSON of object <paramref name="n"/>.</summary>
    /// <param name="n">The object number.</param>
    public static string Json(int n) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"{Id(n)}\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"crash object {n}\",\"pattern\":\"[ipv4-addr:value = '10.0.{n / 256 % 256}.{n % 256}']\",\"pattern_type\":\"stix\",\"valid_from\":\"2024-01-01T00:00:00Z\",\"padding\":\"{new string('x', n % 700)}\"}}");
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;

namespace Concord.Storage.Postgres.Tests;

internal static class StoreObjects
{
    public static string IndicatorId(int n) => "indicator--" + new Guid(n, 0, 0, new byte[8]).ToString("D");

    public static ReadOnlyMemory<byte> Indicator(int n, string extra = "") =>
        Encoding.UTF8.GetBytes($$"""{"type":"indicator","spec_version":"2.1","id":"{{IndicatorId(n)}}","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z"{{extra}}}""");
}

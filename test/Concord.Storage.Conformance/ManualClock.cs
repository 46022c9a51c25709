// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Conformance;

/// <summary>A clock the tests set by hand, including backwards.</summary>
public sealed class ManualClock : TimeProvider
{
    private long ticks = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref ticks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => Now;
}

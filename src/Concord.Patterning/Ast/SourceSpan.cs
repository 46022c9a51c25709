// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Patterning.Ast;

/// <summary>A range of UTF-16 code units in the pattern text.</summary>
/// <param name="Start">The offset of the first code unit (0-based).</param>
/// <param name="Length">The number of code units.</param>
public readonly record struct SourceSpan(int Start, int Length)
{
    /// <summary>The offset just past the last code unit.</summary>
    public int End => Start + Length;

    /// <summary>The smallest span that covers both spans.</summary>
    /// <param name="other">The other span.</param>
    public SourceSpan Union(SourceSpan other)
    {
        var start = Math.Min(Start, other.Start);
        return new SourceSpan(start, Math.Max(End, other.End) - start);
    }
}

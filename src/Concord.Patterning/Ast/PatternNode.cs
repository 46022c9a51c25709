// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Patterning.Internal;

namespace Concord.Patterning.Ast;

/// <summary>The base of every node of a parsed STIX pattern. Nodes are immutable records.</summary>
/// <param name="Span">Where the node is in the pattern text (default for nodes built in code).</param>
public abstract record PatternNode(SourceSpan Span)
{
    /// <summary>The node in canonical STIX pattern syntax.</summary>
    public sealed override string ToString() => PatternPrinter.Print(this);
}

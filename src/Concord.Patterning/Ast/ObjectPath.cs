// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Patterning.Ast;

/// <summary>
/// An object path (section 9.7): <c>object-type:property</c> followed by nested properties, dictionary
/// keys, dereferenced properties and list indices.
/// </summary>
/// <param name="ObjectType">The SCO type the path starts from.</param>
/// <param name="Steps">The steps; the first is always a <see cref="PropertyStep"/>.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record ObjectPath(string ObjectType, ValueList<PathStep> Steps, SourceSpan Span = default) : PatternNode(Span)
{
    /// <summary>The span of the object type name.</summary>
    public SourceSpan ObjectTypeSpan => new(Span.Start, ObjectType.Length);
}

/// <summary>One step of an object path.</summary>
/// <param name="Span">Where the node is in the pattern text.</param>
public abstract record PathStep(SourceSpan Span) : PatternNode(Span);

/// <summary>A property name, dictionary key or dereferenced property: <c>.name</c> or <c>.'quoted-name'</c>.</summary>
/// <param name="Name">The name, unescaped.</param>
/// <param name="Quoted">Whether the name is written in apostrophes.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record PropertyStep(string Name, bool Quoted = false, SourceSpan Span = default) : PathStep(Span);

/// <summary>A list index: <c>[n]</c>, or <c>[*]</c> for any element.</summary>
/// <param name="Index">The index, or null for <c>[*]</c>.</param>
/// <param name="Span">Where the node is in the pattern text.</param>
public sealed record IndexStep(long? Index, SourceSpan Span = default) : PathStep(Span)
{
    /// <summary>Whether this is <c>[*]</c>.</summary>
    public bool IsAny => Index is null;
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;

namespace Concord.Stix.Validation.Internal;

/// <summary>
/// The JSON path of the value being checked, kept as a stack of segments and turned into text only
/// when a finding is reported, so that checking valid content builds no strings.
/// </summary>
internal sealed class JsonPathStack
{
    private Segment[] segments = new Segment[16];
    private string root = JsonPaths.Root;

    public int Depth { get; private set; }

    public void Reset(string rootPath)
    {
        root = rootPath;
        Depth = 0;
    }

    public void Push(string name) => Push(new Segment(name, -1));

    public void Push(int index) => Push(new Segment(null, index));

    public void Pop() => Depth--;

    public override string ToString()
    {
        if (Depth == 0)
        {
            return root;
        }

        var builder = new StringBuilder(root);
        for (var i = 0; i < Depth; i++)
        {
            var segment = segments[i];
            builder.Append(segment.Name is null ? JsonPaths.Index(string.Empty, segment.Index) : JsonPaths.Property(string.Empty, segment.Name));
        }

        return builder.ToString();
    }

    private void Push(Segment segment)
    {
        if (Depth == segments.Length)
        {
            Array.Resize(ref segments, segments.Length * 2);
        }

        segments[Depth++] = segment;
    }

    private readonly record struct Segment(string? Name, int Index);
}

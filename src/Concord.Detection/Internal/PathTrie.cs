// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using Concord.Patterning.Ast;

namespace Concord.Detection.Internal;

/// <summary>
/// The property names and list steps of every indexed object path, merged into one tree, so that a single
/// pass over an input line (<see cref="LineScan"/>) keeps only the string values some path reaches.
/// </summary>
/// <remarks>
/// <para>Node 0 stands for an object's own properties. A path is cut after a reference property
/// (<c>_ref</c>, <c>_refs</c>, with the list steps after it) that further steps follow: those steps start
/// again at node 0, from the object the reference names. <see cref="Add"/> answers the node that ends each
/// piece; the scan records the string values found at such nodes.</para>
/// <para>A list index <c>[n]</c> shares the node of <c>[*]</c>: the scan keeps every item, a superset of
/// what the index selects. Nodes are never removed: a name no longer needed only costs a record.</para>
/// </remarks>
internal sealed class PathTrie
{
    private readonly List<Node> nodes = [new Node()];

    public PathTrie() => Nodes = [.. nodes];

    /// <summary>The nodes by number, for the scan.</summary>
    public Node[] Nodes { get; private set; }

    /// <summary>Adds an object path; answers the node ending each piece, the first from the root object.</summary>
    public int[] Add(ObjectPath path)
    {
        var pieces = new List<int>();
        var node = 0;
        var steps = path.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is not PropertyStep property)
            {
                node = ListChild(node);
                continue;
            }

            node = Child(node, property.Name);
            if (!property.Name.EndsWith("_ref", StringComparison.Ordinal) && !property.Name.EndsWith("_refs", StringComparison.Ordinal))
            {
                continue;
            }

            while (i + 1 < steps.Count && steps[i + 1] is IndexStep)
            {
                node = ListChild(node);
                i++;
            }

            if (i + 1 < steps.Count)
            {
                nodes[node].Records = true;
                nodes[node].ReferenceEnd = true;
                pieces.Add(node);
                node = 0;
            }
        }

        nodes[node].Records = true;
        pieces.Add(node);
        Nodes = [.. nodes];
        return [.. pieces];
    }

    private int Child(int parent, string name)
    {
        var utf8 = Encoding.UTF8.GetBytes(name);
        foreach (var (existing, child) in nodes[parent].Names)
        {
            if (existing.AsSpan().SequenceEqual(utf8))
            {
                return child;
            }
        }

        nodes.Add(new Node());
        nodes[parent].Names = [.. nodes[parent].Names, (utf8, nodes.Count - 1)];
        nodes[parent].Lengths |= 1UL << Math.Min(utf8.Length, 63);
        return nodes.Count - 1;
    }

    private int ListChild(int parent)
    {
        if (nodes[parent].List < 0)
        {
            nodes.Add(new Node());
            nodes[parent].List = nodes.Count - 1;
        }

        return nodes[parent].List;
    }

    /// <summary>One step of the merged paths.</summary>
    internal sealed class Node
    {
        /// <summary>The properties followed from an object here, by UTF-8 name.</summary>
        public (byte[] Name, int Child)[] Names { get; set; } = [];

        /// <summary>The node of the items of a list here, or -1.</summary>
        public int List { get; set; } = -1;

        /// <summary>Whether string values here are recorded: a path, or a piece of one, ends here.</summary>
        public bool Records { get; set; }

        /// <summary>Whether a reference ends here that further steps follow.</summary>
        public bool ReferenceEnd { get; set; }

        /// <summary>The lengths of <see cref="Names"/>: bit n for n bytes, bit 63 for 63 or more.</summary>
        public ulong Lengths { get; set; }

        /// <summary>The child for a property name, or -1.</summary>
        public int Find(ReadOnlySpan<byte> name)
        {
            // Most properties of an object are followed by no path, and their length shows it.
            if ((Lengths & (1UL << Math.Min(name.Length, 63))) == 0)
            {
                return -1;
            }

            foreach (var (candidate, child) in Names)
            {
                if (name.SequenceEqual(candidate))
                {
                    return child;
                }
            }

            return -1;
        }
    }
}

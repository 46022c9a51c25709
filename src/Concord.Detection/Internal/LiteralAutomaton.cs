// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Detection.Internal;

/// <summary>
/// Aho-Corasick multi-string search compiled to a deterministic automaton: one table lookup per
/// character of the text, whatever the number of literals. Characters that occur in no literal share
/// one class, which keeps the table small (states × distinct literal characters).
/// </summary>
/// <remarks>
/// A table entry is the row offset of the next state, complemented when that state reports literals,
/// so that the search loop neither multiplies nor looks outputs up on the common path.
/// </remarks>
/// <remarks>Immutable once built; <see cref="Search"/> is thread-safe.</remarks>
internal sealed class LiteralAutomaton
{
    private readonly int[] table;
    private readonly int classCount;
    private readonly int[] asciiClass;
    private readonly Dictionary<char, int> otherClass;
    private readonly int[][] outputs;

    private LiteralAutomaton(int[] table, int classCount, int[] asciiClass, Dictionary<char, int> otherClass, int[][] outputs)
    {
        this.table = table;
        this.classCount = classCount;
        this.asciiClass = asciiClass;
        this.otherClass = otherClass;
        this.outputs = outputs;
    }

    /// <summary>The number of states, for memory accounting.</summary>
    public int StateCount => outputs.Length;

    /// <summary>Builds the automaton; literal i is reported as i.</summary>
    public static LiteralAutomaton Build(IReadOnlyList<string> literals)
    {
        var asciiClass = new int[128];
        var otherClass = new Dictionary<char, int>();
        var classCount = 1;
        foreach (var literal in literals)
        {
            foreach (var c in literal)
            {
                if (c < 128)
                {
                    if (asciiClass[c] == 0)
                    {
                        asciiClass[c] = classCount++;
                    }
                }
                else if (!otherClass.ContainsKey(c))
                {
                    otherClass[c] = classCount++;
                }
            }
        }

        // The trie, with sparse transitions while building.
        var children = new List<Dictionary<int, int>> { new() };
        var own = new List<List<int>?> { null };
        for (var i = 0; i < literals.Count; i++)
        {
            var state = 0;
            foreach (var c in literals[i])
            {
                var cls = c < 128 ? asciiClass[c] : otherClass[c];
                if (!children[state].TryGetValue(cls, out var next))
                {
                    next = children.Count;
                    children.Add([]);
                    own.Add(null);
                    children[state][cls] = next;
                }

                state = next;
            }

            (own[state] ??= []).Add(i);
        }

        (children, own) = BreadthFirst(children, own);
        var states = children.Count;
        var table = new int[checked(states * classCount)];
        var rowTable = new int[table.Length];
        var fail = new int[states];
        var outputs = new int[states][];
        outputs[0] = own[0] is { } rootOwn ? [.. rootOwn] : [];
        var queue = new Queue<int>();
        for (var cls = 0; cls < classCount; cls++)
        {
            if (children[0].TryGetValue(cls, out var next))
            {
                table[cls] = next;
                fail[next] = 0;
                queue.Enqueue(next);
            }
        }

        // Breadth first, so that the failure state's row and outputs are complete when a state is reached.
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            var failRow = fail[state] * classCount;
            var row = state * classCount;
            var inherited = outputs[fail[state]];
            outputs[state] = own[state] is { } mine ? [.. mine, .. inherited] : inherited;
            for (var cls = 0; cls < classCount; cls++)
            {
                if (children[state].TryGetValue(cls, out var next))
                {
                    table[row + cls] = next;
                    fail[next] = table[failRow + cls];
                    queue.Enqueue(next);
                }
                else
                {
                    table[row + cls] = table[failRow + cls];
                }
            }
        }

        for (var i = 0; i < table.Length; i++)
        {
            var next = table[i];
            rowTable[i] = outputs[next].Length > 0 ? ~(next * classCount) : next * classCount;
        }

        return new LiteralAutomaton(rowTable, classCount, asciiClass, otherClass, outputs);
    }

    /// <summary>
    /// The trie with its states numbered breadth first. The search spends most steps near the root, so
    /// the rows of shallow states are kept together: with tens of thousands of literals the table is tens
    /// of megabytes, and rows in insertion order would cost a cache miss at almost every step.
    /// </summary>
    private static (List<Dictionary<int, int>> Children, List<List<int>?> Own) BreadthFirst(List<Dictionary<int, int>> children, List<List<int>?> own)
    {
        var order = new List<int>(children.Count) { 0 };
        var renamed = new int[children.Count];
        for (var next = 0; next < order.Count; next++)
        {
            foreach (var child in children[order[next]].Values)
            {
                renamed[child] = order.Count;
                order.Add(child);
            }
        }

        var newChildren = new List<Dictionary<int, int>>(order.Count);
        var newOwn = new List<List<int>?>(order.Count);
        foreach (var state in order)
        {
            newChildren.Add(children[state].ToDictionary(t => t.Key, t => renamed[t.Value]));
            newOwn.Add(own[state]);
        }

        return (newChildren, newOwn);
    }

    /// <summary>Reports every literal that occurs in the text (a literal occurring several times is reported each time).</summary>
    public void Search<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, ILiteralSink
    {
        var row = 0;
        foreach (var c in text)
        {
            var cls = c < 128 ? asciiClass[c] : otherClass.GetValueOrDefault(c);
            var next = table[unchecked(row + cls)];
            if (next >= 0)
            {
                row = next;
                continue;
            }

            row = ~next;
            foreach (var literal in outputs[row / classCount])
            {
                sink.Found(literal);
            }
        }
    }
}

/// <summary>Receives the literals an automaton finds.</summary>
internal interface ILiteralSink
{
    /// <summary>Called for each occurrence of a literal.</summary>
    void Found(int literal);
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Detection.Internal;

/// <summary>
/// The distinct leaves found for one observation, without clearing between observations: a leaf is
/// in the set when its stamp equals the current generation.
/// </summary>
internal sealed class CandidateSet
{
    private int[] stamps = new int[1024];
    private int generation;

    public List<int> Items { get; } = [];

    public void Reset()
    {
        Items.Clear();
        if (++generation == int.MaxValue)
        {
            Array.Clear(stamps);
            generation = 1;
        }
    }

    public void Add(int leaf)
    {
        if (leaf >= stamps.Length)
        {
            Array.Resize(ref stamps, Math.Max(leaf + 1, stamps.Length * 2));
        }

        if (stamps[leaf] != generation)
        {
            stamps[leaf] = generation;
            Items.Add(leaf);
        }
    }

    public void AddRange(List<int> leaves)
    {
        foreach (var leaf in leaves)
        {
            Add(leaf);
        }
    }
}

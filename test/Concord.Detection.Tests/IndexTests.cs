// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Detection.Internal;
using CsCheck;
using Concord.Patterning.Internal;

namespace Concord.Detection.Tests;

public sealed class IndexTests
{
    [Fact]
    public void The_search_finds_every_occurrence_of_overlapping_literals_of_any_length()
    {
        var search = AnchoredLiterals.Build(["he", "she", "his", "hers", "é.example", "h", "sher", "rs caf"]);
        var sink = new Collecting();
        search.Search("ushers café.example", ref sink);
        Assert.Equal([0, 1, 3, 4, 5, 6, 7], sink.Literals.Order());
    }

    [Fact]
    public void The_search_reports_nothing_in_text_without_its_literals()
    {
        var search = AnchoredLiterals.Build(["evil", "bad.example"]);
        var sink = new Collecting();
        search.Search("good.example.org", ref sink);
        Assert.Empty(sink.Literals);
    }

    /// <summary>
    /// The bitmap and the anchors only rule windows out: every occurrence of every literal is reported,
    /// once, whatever anchor each literal got — among literals that share prefixes and windows, as URLs and
    /// host names do, over a small alphabet so that occurrences, overlaps and near misses are frequent.
    /// </summary>
    [Fact]
    public void The_search_reports_exactly_the_occurrences_a_naive_scan_finds()
    {
        var literal = Gen.String[Gen.Char["ab/.é"], 1, 14];
        Gen.Select(literal.Array[1, 40], Gen.String[Gen.Char["ab/.éx"], 0, 100]).Sample((literals, text) =>
        {
            var sink = new Collecting();
            AnchoredLiterals.Build(literals).Search(text, ref sink);
            var expected = Enumerable.Range(0, literals.Length)
                .SelectMany(i => Enumerable.Range(0, text.Length).Where(at => text.AsSpan(at).StartsWith(literals[i], StringComparison.Ordinal)).Select(_ => i));
            Assert.Equal(expected.Order(), sink.Literals.Order());
        }, iter: 2000);
    }

    [Theory]
    [InlineData("198.51.100.7", new[] { 1, 2, 3 })]
    [InlineData("198.51.100.200", new[] { 1, 2 })]
    [InlineData("198.51.100.0/28", new[] { 1, 2, 3 })]
    [InlineData("198.51.0.0/16", new[] { 1 })]
    [InlineData("203.0.113.1", new int[0])]
    [InlineData("2001:db8::1", new[] { 4 })]
    public void The_CIDR_index_finds_the_blocks_that_contain_an_address_or_block(string value, int[] expected)
    {
        var index = new CidrIndex();
        Add(index, "198.51.0.0/16", 1);
        Add(index, "198.51.100.0/24", 2);
        Add(index, "198.51.100.0/28", 3);
        Add(index, "2001:db8::/32", 4);
        var candidates = new CandidateSet();
        candidates.Reset();
        Assert.True(IpNetwork.TryParse(value, out var network));
        index.Lookup(network, candidates);

        // Candidates are then checked exactly; the index must find at least every containing block.
        var found = candidates.Items.Where(leaf => Contains(leaf, network)).Order();
        Assert.Equal(expected, found);
    }

    [Fact]
    public void Removing_a_block_stops_finding_it()
    {
        var index = new CidrIndex();
        Add(index, "198.51.100.0/24", 2);
        Assert.True(IpNetwork.TryParse("198.51.100.0/24", out var block));
        index.Remove(block, 2);
        var candidates = new CandidateSet();
        candidates.Reset();
        Assert.True(IpNetwork.TryParse("198.51.100.7", out var address));
        index.Lookup(address, candidates);
        Assert.True(index.IsEmpty);
        Assert.Empty(candidates.Items);
    }

    [Theory]
    [InlineData("%.evil.example", ".evil.example")]
    [InlineData("http://bad_%/x", "http://bad")]
    [InlineData("a%b%c", null)]
    public void LIKE_needs_its_longest_literal_run(string like, string? expected) =>
        Assert.Equal(expected, RequiredLiterals.ForLike(like));

    [Theory]
    [InlineData("^https?://bad\\.example/", "://bad.example/")]
    [InlineData("evil[0-9]+\\.com", "evil")]
    [InlineData("abcd?efg", "abc")]
    [InlineData("x(abc)*yz", null)]
    [InlineData("a|bcd", null)]
    [InlineData("(?i)evil", null)]
    [InlineData("powershell.*-enc", "powershell")]
    [InlineData("ab+cdef", "cdef")]
    public void MATCHES_needs_the_longest_literal_every_match_contains(string regex, string? expected) =>
        Assert.Equal(expected, RequiredLiterals.ForRegex(regex));

    private static void Add(CidrIndex index, string cidr, int leaf)
    {
        Assert.True(IpNetwork.TryParse(cidr, out var block));
        index.Add(block, leaf);
    }

    private static bool Contains(int leaf, IpNetwork network) => leaf switch
    {
        1 => IpNetwork.TryParse("198.51.0.0/16", out var b) && network.IsSubsetOf(b),
        2 => IpNetwork.TryParse("198.51.100.0/24", out var b) && network.IsSubsetOf(b),
        3 => IpNetwork.TryParse("198.51.100.0/28", out var b) && network.IsSubsetOf(b),
        _ => IpNetwork.TryParse("2001:db8::/32", out var b) && network.IsSubsetOf(b),
    };

    private readonly struct Collecting : ILiteralSink
    {
        public Collecting() => Literals = [];

        public List<int> Literals { get; }

        public void Found(int literal) => Literals.Add(literal);
    }
}

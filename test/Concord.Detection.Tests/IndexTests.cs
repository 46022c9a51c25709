// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using Concord.Detection.Internal;
using CsCheck;
using Concord.Patterning.Internal;
using Concord.Testing;

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

    /// <summary>
    /// The coarse map in front of the IPv4 tables only rules addresses out: after any sequence of adds and
    /// removes (enough blocks for the map to be rebuilt larger several times, blocks from /0 to /32, many
    /// sharing a network), the blocks found that contain an address are exactly those a linear scan finds.
    /// </summary>
    [Fact]
    public void The_CIDR_index_finds_exactly_the_containing_blocks_a_linear_scan_finds_after_adds_and_removes()
    {
        // Few distinct /16s and /24s, so that blocks nest and addresses fall in them.
        var address = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 255]).Select((a, b, c) => (uint)((10 << 24) | (a << 16) | (b << 8) | c));
        var block = Gen.Select(address, Gen.Frequency((1, Gen.Int[0, 15]), (6, Gen.Int[16, 32])))
            .Select((network, prefix) => Block(network, prefix));
        var operation = Gen.Select(block, Gen.Int[0, 4]);
        Gen.Select(operation.Array[0, 600], address.Array[1, 50]).Sample((operations, addresses) =>
        {
            var index = new CidrIndex();
            var model = new List<(IpNetwork Block, int Leaf)>();
            for (var leaf = 0; leaf < operations.Length; leaf++)
            {
                var (added, removeOne) = operations[leaf];

                // One operation in five removes the oldest block still there, the others add one.
                if (removeOne == 0 && model.Count > 0)
                {
                    index.Remove(model[0].Block, model[0].Leaf);
                    model.RemoveAt(0);
                }
                else
                {
                    index.Add(added, leaf);
                    model.Add((added, leaf));
                }
            }

            var candidates = new CandidateSet();
            foreach (var value in addresses)
            {
                var network = Block(value, 32);
                candidates.Reset();
                index.Lookup(network, candidates);
                Assert.Equal(model.Where(m => network.IsSubsetOf(m.Block)).Select(m => m.Leaf).Order(), candidates.Items.Order());
            }
        });
    }

    /// <summary>The value filter only rules values out: every value added is let through, whatever removals and rebuilds came between.</summary>
    [Fact]
    public void The_value_filter_lets_through_every_value_in_the_set()
    {
        var value = Gen.String[Gen.Char["ab.:/1é\u0301"], 0, 40];
        Gen.Select(value.Array[0, 300], Gen.Int[0, 300]).Sample((values, removed) =>
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            var filter = new ValueFilter();
            foreach (var v in values)
            {
                if (set.Add(v) && !filter.TryAdd(v))
                {
                    filter.Rebuild(set);
                }
            }

            // Removing leaves the filter as it was, bits of removed values included.
            set.ExceptWith(values.Take(removed));
            Assert.All(set, v => Assert.True(filter.MayContain(Encoding.UTF8.GetBytes(v))));
        });
    }

    [Fact]
    public void The_value_filter_rules_out_most_values_outside_the_set()
    {
        var filter = new ValueFilter();
        var values = Enumerable.Range(0, 10_000).Select(i => DetectionWorkload.Domain(i)).ToList();
        filter.Rebuild(values);
        var through = Enumerable.Range(10_000, 10_000).Count(i => filter.MayContain(Encoding.UTF8.GetBytes(DetectionWorkload.Domain(i))));
        Assert.InRange(through, 0, 500);
    }

    /// <summary>The IPv4 parse from the UTF-8 of a value reads exactly what the parse from its characters reads.</summary>
    [Fact]
    public void IPv4_from_UTF_8_bytes_reads_what_it_reads_from_characters()
    {
        Gen.OneOf(Gen.String[Gen.Char["0123456789./"], 0, 20], Gen.Select(Gen.Int[0, 300], Gen.Int[0, 300], Gen.Int[0, 40]).Select((a, b, p) => $"{a}.{b}.0{a % 3}.{b}/{p}"))
            .Sample(text =>
            {
                var fromChars = Networks.TryParseV4(text.AsSpan(), out var charsNetwork);
                var fromBytes = Networks.TryParseV4<byte>(Encoding.UTF8.GetBytes(text), out var bytesNetwork);
                Assert.Equal(fromChars, fromBytes);
                Assert.Equal(charsNetwork, bytesNetwork);
            });
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

    private static IpNetwork Block(uint network, int prefix)
    {
        var hostMask = prefix == 0 ? uint.MaxValue : (uint)((1UL << (32 - prefix)) - 1);
        return new IpNetwork(false, network & ~hostMask, network | hostMask);
    }

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

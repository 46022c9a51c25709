// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Federation.Tests;

/// <summary>
/// The peer's journal (<c>federation/PEER/provenance.jsonl</c>) holds provenance and sync-state lines in one file in a
/// real temporary data directory; these check what a pull relies on when it resumes.
/// </summary>
public sealed class PeerJournalTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-federation-journal-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_peer_never_synced_has_the_empty_state()
    {
        var state = PeerSyncState.Load(directory, "a");

        Assert.Empty(state.Collections);
        Assert.Null(state.LastSyncAt);
    }

    [Fact]
    public void The_state_is_the_last_state_line_even_behind_pages_of_provenance_larger_than_one_read()
    {
        StateAt(1).Save(directory, "a");
        ProvenanceLog.Append(directory, "a", Records(0, 3000));
        Assert.True(new FileInfo(PeerSyncState.PathOf(directory, "a")).Length > 4 * 64 * 1024);

        Assert.Equal(1, PeerSyncState.Load(directory, "a").Collections["c"].Added);

        StateAt(2).Save(directory, "a");
        ProvenanceLog.Append(directory, "a", Records(3000, 10));

        Assert.Equal(2, PeerSyncState.Load(directory, "a").Collections["c"].Added);
        Assert.Equal(3010, ProvenanceLog.Read(directory, "a").Count);
    }

    [Fact]
    public void A_line_torn_by_a_crash_is_skipped_and_does_not_swallow_the_next_line()
    {
        StateAt(1).Save(directory, "a");
        ProvenanceLog.Append(directory, "a", Records(0, 1));
        File.AppendAllText(PeerSyncState.PathOf(directory, "a"), """{"state":{"collections":{"c":{"added_af""");

        Assert.Equal(1, PeerSyncState.Load(directory, "a").Collections["c"].Added);

        ProvenanceLog.Append(directory, "a", Records(1, 1));
        StateAt(2).Save(directory, "a");
        File.AppendAllText(PeerSyncState.PathOf(directory, "a"), """{"collection":"00000000-0000-0000-0000-0000000""");

        Assert.Equal(2, PeerSyncState.Load(directory, "a").Collections["c"].Added);
        Assert.Equal(["indicator--0", "indicator--1"], ProvenanceLog.Read(directory, "a").Select(record => record.Id));
    }

    [Fact]
    public void Provenance_counts_once_per_version_however_often_a_page_is_pulled_again()
    {
        ProvenanceLog.Append(directory, "a", Records(0, 2));
        StateAt(1).Save(directory, "a");
        ProvenanceLog.Append(directory, "a", Records(0, 2));

        Assert.Equal(["indicator--0", "indicator--1"], ProvenanceLog.Read(directory, "a").Select(record => record.Id));
    }

    [Fact]
    public void A_state_line_that_is_not_a_valid_state_is_an_error_naming_the_peer_and_the_file()
    {
        StateAt(1).Save(directory, "a");
        File.AppendAllText(PeerSyncState.PathOf(directory, "a"), "{\"state\":{\"collections\":{},\"cursor\":3}}\n");

        var error = Assert.Throws<FederationException>(() => PeerSyncState.Load(directory, "a"));

        Assert.Equal("a", error.Peer);
        Assert.Contains(PeerSyncState.PathOf(directory, "a"), error.Message, StringComparison.Ordinal);
        Assert.Contains("cursor", error.Message, StringComparison.Ordinal);
    }

    private static PeerSyncState StateAt(long added) => new()
    {
        Collections = new(StringComparer.Ordinal) { ["c"] = new CollectionSyncState { Added = added, AddedAfter = DateTimeOffset.UnixEpoch.AddDays(added) } },
    };

    private static List<Provenance> Records(int start, int count) =>
        [.. Enumerable.Range(start, count).Select(n => new Provenance(Guid.Empty, $"indicator--{n}", "2024-01-01T00:00:00.000Z", "identity--a", "a", DateTimeOffset.UnixEpoch))];
}

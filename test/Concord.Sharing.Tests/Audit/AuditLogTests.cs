// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Json.Nodes;
using Concord.Sharing.Audit;
using Microsoft.Extensions.Time.Testing;

namespace Concord.Sharing.Tests.Audit;

public sealed class AuditLogTests : IDisposable
{
    private readonly AuditLogDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task A_new_log_starts_with_a_signed_checkpoint_and_a_closed_one_ends_with_one()
    {
        await directory.WriteAsync(AuditLogDirectory.Events(3, seed: 1));

        var entries = AuditLogReader.Read(directory.Path).ToList();
        Assert.Equal(5, entries.Count);
        Assert.Equal(AuditEntryKind.Checkpoint, entries[0].Kind);
        Assert.Equal(AuditEntry.GenesisHash, entries[0].Prev);
        Assert.Equal(AuditEntryKind.Checkpoint, entries[^1].Kind);
        var verification = directory.Verify();
        Assert.True(verification.IsValid, verification.Violation?.ToString());
        Assert.Equal(5, verification.Entries);
        Assert.Equal(5, verification.LastCheckpoint!.Seq);
        Assert.Equal(0, verification.UnsignedTail);
    }

    [Fact]
    public async Task Entries_read_back_with_every_member_as_appended()
    {
        var events = AuditLogDirectory.Events(40, seed: 2).ToList();
        var written = await directory.WriteAsync(events);

        var read = AuditLogReader.Read(directory.Path).Where(e => e.Kind != AuditEntryKind.Checkpoint).ToList();
        Assert.Equal(events.Count, read.Count);
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(events[i].Kind, read[i].Kind);
            Assert.Equal(events[i].Actor, read[i].Actor);
            Assert.Equal(events[i].Organization, read[i].Organization);
            Assert.Equal(events[i].Channel, read[i].Channel);
            Assert.Equal(events[i].Reason, read[i].Reason);
            Assert.Equal(events[i].Objects.Select(o => (o.Id, o.Version, o.Outcome, Paths: string.Join('|', o.Paths ?? []))), read[i].Objects.Select(o => (o.Id, o.Version, o.Outcome, Paths: string.Join('|', o.Paths ?? []))));
            Assert.Equal(events[i].Details?.ToJsonString(), read[i].Details is { } d ? JsonNode.Parse(d.GetRawText())!.ToJsonString() : null);
            Assert.Equal(written[i].Hash, read[i].Hash);
            Assert.Equal(written[i].Seq, read[i].Seq);
            Assert.Equal(written[i].Time, read[i].Time);
        }
    }

    [Fact]
    public async Task Each_hash_is_the_sha256_of_the_jcs_form_of_the_entry_without_it_and_prev_links_to_the_line_before()
    {
        await directory.WriteAsync(AuditLogDirectory.Events(25, seed: 3));

        var previous = AuditEntry.GenesisHash;
        var seq = 0;
        foreach (var line in directory.ReadLines())
        {
            var entry = JsonNode.Parse(line)!.AsObject();
            Assert.Equal(AuditLogDirectory.IndependentHash(entry), entry["hash"]!.GetValue<string>());
            Assert.Equal(previous, entry["prev"]!.GetValue<string>());
            Assert.Equal(++seq, entry["seq"]!.GetValue<long>());
            previous = entry["hash"]!.GetValue<string>();
        }
    }

    [Fact]
    public async Task Concurrent_appends_get_distinct_consecutive_sequence_numbers_and_all_are_durable_when_awaited()
    {
        var log = await directory.OpenAsync(checkpointEntries: 50);
        List<AuditEntry> entries;
        await using (log)
        {
            var tasks = AuditLogDirectory.Events(400, seed: 4).Select(e => Task.Run(() => log.AppendAsync(e))).ToList();
            entries = [.. await Task.WhenAll(tasks)];
            var onDisk = AuditLogReader.Read(directory.Path).Select(e => e.Seq).ToHashSet();
            Assert.All(entries, e => Assert.Contains(e.Seq, onDisk));
        }

        Assert.Equal(400, entries.Select(e => e.Seq).Distinct().Count());
        var all = AuditLogReader.Read(directory.Path).ToList();
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all.Select(e => e.Seq));
        Assert.True(all.Count(e => e.Kind == AuditEntryKind.Checkpoint) >= 1 + (400 / 50));
        Assert.True(directory.Verify().IsValid, directory.Verify().Violation?.ToString());
    }

    [Fact]
    public async Task A_checkpoint_follows_every_configured_number_of_entries()
    {
        await directory.WriteAsync(AuditLogDirectory.Events(10, seed: 5), checkpointEntries: 3);

        var kinds = AuditLogReader.Read(directory.Path).Select(e => e.Kind == AuditEntryKind.Checkpoint ? 'C' : 'e');
        Assert.Equal("CeeeCeeeCeeeCeC", string.Concat(kinds));
    }

    [Fact]
    public async Task The_checkpoint_timer_signs_entries_added_since_the_last_checkpoint_and_nothing_when_there_are_none()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var log = await directory.OpenAsync(time: time);
        await using (log)
        {
            time.Advance(TimeSpan.FromSeconds(60));
            var first = await log.AppendAsync(new AuditEvent(AuditEntryKind.PolicyChange) { Reason = "first" });
            time.Advance(TimeSpan.FromSeconds(60));
            var second = await log.AppendAsync(new AuditEvent(AuditEntryKind.PolicyChange) { Reason = "second" });
            Assert.Equal(2, first.Seq);
            Assert.Equal(4, second.Seq);
        }

        var entries = AuditLogReader.Read(directory.Path).ToList();
        Assert.Equal([AuditEntryKind.Checkpoint, AuditEntryKind.PolicyChange, AuditEntryKind.Checkpoint, AuditEntryKind.PolicyChange, AuditEntryKind.Checkpoint], entries.Select(e => e.Kind));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 6, 5, TimeSpan.Zero), entries[2].Time);
    }

    [Fact]
    public async Task A_disclosure_of_a_thousand_objects_is_one_entry()
    {
        var objects = Enumerable.Range(0, 1000).Select(i => new AuditObjectRef($"indicator--{Guid.NewGuid():D}", "2025-01-01T00:00:00.000Z")).ToList();
        var log = await directory.OpenAsync();
        AuditEntry entry;
        await using (log)
        {
            entry = await log.AppendAsync(new AuditEvent(AuditEntryKind.Disclosure) { Objects = objects, Channel = AuditChannels.Taxii });
        }

        Assert.Equal(2, entry.Seq);
        Assert.Equal(3, directory.ReadLines().Count);
        Assert.Equal(objects.Select(o => o.Id), AuditLogReader.Read(directory.Path).Single(e => e.Seq == 2).Objects.Select(o => o.Id));
    }

    [Fact]
    public async Task Reopening_continues_the_chain()
    {
        await directory.WriteAsync(AuditLogDirectory.Events(2, seed: 6));
        var more = await directory.WriteAsync(AuditLogDirectory.Events(2, seed: 7));

        Assert.Equal(5, more[0].Seq);
        Assert.True(directory.Verify().IsValid, directory.Verify().Violation?.ToString());
        Assert.Equal(7, directory.Verify().Entries);
    }

    [Fact]
    public async Task A_torn_last_line_fails_verification_until_reopening_cuts_it_off_and_records_a_recovery()
    {
        await directory.WriteAsync(AuditLogDirectory.Events(3, seed: 8));
        var intact = File.ReadAllBytes(directory.LogPath);
        var torn = Encoding.UTF8.GetBytes("{\"actor\":{\"name\":\"analyst-1\",\"ty");
        File.AppendAllText(directory.LogPath, Encoding.UTF8.GetString(torn));

        var before = directory.Verify();
        Assert.Equal(AuditRule.TornTail, before.Violation!.Rule);
        Assert.Equal(6, before.Violation.Line);

        await using (await directory.OpenAsync())
        {
        }

        var after = directory.Verify();
        Assert.True(after.IsValid, after.Violation?.ToString());
        Assert.Equal(1, after.Recoveries);
        var recovery = AuditLogReader.Read(directory.Path).Single(e => e.Kind == AuditEntryKind.Recovery);
        Assert.Equal(6, recovery.Seq);
        Assert.Equal(intact.Length, recovery.Details!.Value.GetProperty("offset").GetInt64());
        Assert.Equal(torn.Length, recovery.Details!.Value.GetProperty("bytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(torn)), recovery.Details!.Value.GetProperty("sha256").GetString());
        Assert.Equal(intact, File.ReadAllBytes(directory.LogPath).AsSpan(0, intact.Length).ToArray());
    }

    [Fact]
    public async Task Opening_refuses_a_log_whose_last_entry_is_damaged()
    {
        await directory.WriteAsync(AuditLogDirectory.Events(3, seed: 9));
        var lines = directory.ReadLines();
        lines[^1] = lines[^1].Replace("\"kind\":\"checkpoint\"", "\"kind\":\"disclosure\"", StringComparison.Ordinal);
        directory.WriteLines(lines);

        var error = await Assert.ThrowsAsync<AuditLogException>(() => directory.OpenAsync());
        Assert.Contains(directory.LogPath + " line 5: the last entry is damaged (its hash does not match its content)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_refuses_a_log_that_ends_before_the_checkpoint_its_head_records()
    {
        await directory.WriteAsync(AuditLogDirectory.Events(3, seed: 10));
        directory.WriteLines(directory.ReadLines().Take(4));

        var error = await Assert.ThrowsAsync<AuditLogException>(() => directory.OpenAsync());
        Assert.Contains("ends at seq 4 but", error.Message, StringComparison.Ordinal);
        Assert.Contains("records a checkpoint at seq 5: entries were removed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_writer_is_refused_while_the_log_is_open()
    {
        await using var log = await directory.OpenAsync();

        var error = await Assert.ThrowsAsync<AuditLogException>(() => directory.OpenAsync());
        Assert.Contains("is in use by another process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_log_writes_checkpoints_and_recoveries()
    {
        await using var log = await directory.OpenAsync();

        foreach (var kind in new[] { AuditEntryKind.Checkpoint, AuditEntryKind.Recovery })
        {
            var error = Assert.Throws<ArgumentException>(() => { _ = log.AppendAsync(new AuditEvent(kind)); });
            Assert.StartsWith($"Only the audit log writes {kind.ToName()} entries.", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Appending_to_a_closed_log_throws()
    {
        var log = await directory.OpenAsync();
        await log.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => { _ = log.AppendAsync(new AuditEvent(AuditEntryKind.Ingest)); });
    }

    [Fact]
    public void Every_kind_has_a_distinct_wire_name_that_parses_back()
    {
        var kinds = Enum.GetValues<AuditEntryKind>();
        Assert.Equal(kinds.Length, kinds.Select(k => k.ToName()).Distinct().Count());
        Assert.All(kinds, k => Assert.True(AuditEntryKinds.TryParse(k.ToName(), out var parsed) && parsed == k));
        Assert.Equal(["ingest", "disclosure", "denial", "redaction", "policy-change", "signature-refused", "checkpoint", "recovery"], AuditEntryKinds.All);
        Assert.False(AuditEntryKinds.TryParse("Ingest", out _));
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Concord.Sharing.Audit;
using CsCheck;
using NSec.Cryptography;

namespace Concord.Sharing.Tests.Audit;

/// <summary>
/// Tampering with any entry of a generated log, at every position, makes verification fail and name the entry:
/// editing any member, deleting, inserting a forged entry with a correct hash, reordering, truncating, forging a
/// checkpoint's signature, verifying with another node's key.
/// </summary>
public sealed class AuditTamperTests
{
    private const int Logs = 12;

    // Logs of 1 to 24 events with a checkpoint every 1 to 6 entries: every position, kind and neighbourhood of a checkpoint.
    private static readonly Gen<(int Count, int Every, int Seed)> LogShapes = Gen.Select(Gen.Int[1, 24], Gen.Int[1, 6], Gen.Int);

    [Fact]
    public void Editing_any_member_of_any_entry_is_a_hash_mismatch_on_that_line()
    {
        ForEachLog((log, lines) =>
        {
            for (var i = 0; i < lines.Count; i++)
            {
                foreach (var (member, value) in JsonNode.Parse(lines[i])!.AsObject().Select(m => (m.Key, m.Value)).ToList())
                {
                    var tampered = new List<string>(lines);
                    var entry = JsonNode.Parse(lines[i])!.AsObject();
                    entry[member] = Altered(member, value!);
                    tampered[i] = entry.ToJsonString();
                    AssertViolation(log, tampered, AuditRule.HashMismatch, line: i + 1);
                }
            }
        });
    }

    [Fact]
    public void Deleting_any_entry_names_the_line_where_the_chain_breaks()
    {
        ForEachLog((log, lines) =>
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var tampered = new List<string>(lines);
                tampered.RemoveAt(i);
                if (i == lines.Count - 1)
                {
                    // The last entry is the final checkpoint, which head.json records.
                    AssertViolation(log, tampered, AuditRule.Truncated, line: i + 1, seq: i + 1);
                }
                else
                {
                    AssertViolation(log, tampered, AuditRule.PrevMismatch, line: i + 1, seq: i + 2);
                }
            }
        });
    }

    [Fact]
    public void Deleting_an_entry_and_rebuilding_the_chain_is_a_seq_gap_and_renumbering_breaks_the_next_checkpoint_signature()
    {
        ForEachLog((log, lines) =>
        {
            for (var i = 1; i < lines.Count - 1; i++)
            {
                var rechained = new List<string>(lines);
                rechained.RemoveAt(i);
                AuditLogDirectory.Rechain(rechained, i, renumber: false);
                AssertViolation(log, rechained, AuditRule.SeqGap, line: i + 1, seq: i + 2);

                var renumbered = new List<string>(lines);
                renumbered.RemoveAt(i);
                AuditLogDirectory.Rechain(renumbered, i, renumber: true);
                var checkpoint = renumbered.FindIndex(i, l => l.Contains("\"kind\":\"checkpoint\"", StringComparison.Ordinal));
                AssertViolation(log, renumbered, AuditRule.BadCheckpointSignature, line: checkpoint + 1);
            }
        });
    }

    [Fact]
    public void Inserting_a_forged_entry_with_a_correct_hash_breaks_the_chain_at_the_entry_after_it()
    {
        ForEachLog((log, lines) =>
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var forged = new JsonObject
                {
                    ["seq"] = i + 1,
                    ["time"] = "2026-01-01T00:00:00.000000Z",
                    ["kind"] = "disclosure",
                    ["organization"] = new JsonObject { ["id"] = Guid.Empty.ToString("D"), ["name"] = "forger" },
                    ["objects"] = new JsonArray(new JsonObject { ["id"] = "indicator--00000000-0000-4000-8000-000000000000", ["version"] = "2026-01-01T00:00:00.000Z" }),
                    ["prev"] = i == 0 ? AuditEntry.GenesisHash : JsonNode.Parse(lines[i - 1])!["hash"]!.GetValue<string>(),
                };
                var tampered = new List<string>(lines);
                tampered.Insert(i, AuditLogDirectory.Rehash(forged));
                if (i == 0)
                {
                    AssertViolation(log, tampered, AuditRule.MissingGenesisCheckpoint, line: 1, seq: 1);
                }
                else
                {
                    AssertViolation(log, tampered, AuditRule.PrevMismatch, line: i + 2, seq: i + 1);
                }
            }
        });
    }

    [Fact]
    public void Swapping_any_two_entries_breaks_the_chain_at_the_first_of_them()
    {
        ForEachLog((log, lines) =>
        {
            for (var i = 0; i < lines.Count; i++)
            {
                for (var j = i + 1; j < lines.Count; j++)
                {
                    var tampered = new List<string>(lines);
                    (tampered[i], tampered[j]) = (tampered[j], tampered[i]);
                    AssertViolation(log, tampered, AuditRule.PrevMismatch, line: i + 1, seq: j + 1);
                }
            }
        });
    }

    [Fact]
    public void Truncating_inside_an_entry_is_a_torn_tail_and_at_a_line_end_is_a_truncation()
    {
        ForEachLog((log, lines) =>
        {
            var bytes = lines.Select(l => Encoding.UTF8.GetByteCount(l) + 1).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                var start = bytes.Take(i).Sum();
                File.WriteAllBytes(log.LogPath, Encoding.UTF8.GetBytes(string.Concat(lines.Take(i + 1).Select(l => l + "\n")))[..(start + (bytes[i] / 2))]);
                var torn = log.Verify().Violation;
                Assert.Equal((AuditRule.TornTail, (long)(i + 1)), (torn?.Rule, torn?.Line));

                if (i < lines.Count - 1)
                {
                    AssertViolation(log, lines.Take(i + 1).ToList(), AuditRule.Truncated, line: i + 2, seq: i + 2);
                }
            }
        });
    }

    [Fact]
    public void A_forged_checkpoint_signature_fails_even_when_the_chain_after_it_is_rebuilt()
    {
        using var forger = Key.Create(SignatureAlgorithm.Ed25519);
        ForEachLog((log, lines) =>
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var entry = JsonNode.Parse(lines[i])!.AsObject();
                if (entry["kind"]!.GetValue<string>() != "checkpoint")
                {
                    continue;
                }

                var message = Encoding.ASCII.GetBytes($"concord-audit-checkpoint/1\n{i}\n{entry["prev"]!.GetValue<string>()}");
                entry["details"]!["signature"] = Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(forger, message));
                var tampered = new List<string>(lines) { [i] = AuditLogDirectory.Rehash(entry) };
                AuditLogDirectory.Rechain(tampered, i + 1, renumber: false);
                File.WriteAllText(log.HeadPath, $"{{\"seq\":{lines.Count},\"hash\":\"{JsonNode.Parse(tampered[^1])!["hash"]}\"}}\n");
                AssertViolation(log, tampered, AuditRule.BadCheckpointSignature, line: i + 1, seq: i + 1);
            }
        });
    }

    [Fact]
    public void Verifying_with_another_nodes_public_key_fails_at_the_first_checkpoint_and_says_so()
    {
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        ForEachLog((log, lines) =>
        {
            var violation = log.Verify(other.PublicKey).Violation;
            Assert.Equal((AuditRule.BadCheckpointSignature, 1L, 1L), (violation?.Rule, violation?.Line, violation?.Seq));
            Assert.Contains("signed by another node, or forged", violation!.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_forged_entry_appended_after_the_last_checkpoint_is_reported_as_an_unsigned_tail()
    {
        ForEachLog((log, lines) =>
        {
            var forged = new JsonObject
            {
                ["seq"] = lines.Count + 1,
                ["time"] = "2026-01-01T00:00:00.000000Z",
                ["kind"] = "ingest",
                ["prev"] = JsonNode.Parse(lines[^1])!["hash"]!.GetValue<string>(),
            };
            log.WriteLines([.. lines, AuditLogDirectory.Rehash(forged)]);

            var verification = log.Verify();
            Assert.True(verification.IsValid, verification.Violation?.ToString());
            Assert.Equal(1, verification.UnsignedTail);
            Assert.Equal(lines.Count, verification.LastCheckpoint!.Seq);
        });
    }

    private static void ForEachLog(Action<AuditLogDirectory, List<string>> check)
    {
        LogShapes.Sample((count, every, seed) =>
        {
            using var log = new AuditLogDirectory();
            log.WriteAsync(AuditLogDirectory.Events(count, seed), every).GetAwaiter().GetResult();
            var lines = log.ReadLines();
            var head = File.ReadAllText(log.HeadPath);
            check(log, lines);
            File.WriteAllText(log.HeadPath, head);
        }, iter: Logs, threads: 1);
    }

    private static void AssertViolation(AuditLogDirectory log, List<string> lines, AuditRule rule, long line, long? seq = null)
    {
        log.WriteLines(lines);
        var violation = log.Verify().Violation;
        Assert.True(violation is not null, $"expected {rule} at line {line}, but the log verified");
        Assert.Equal((rule, line), (violation.Rule, violation.Line));
        if (seq is not null)
        {
            Assert.Equal(seq, violation.Seq);
        }
    }

    /// <summary>A different value that still reads as an entry member of that name, so that only the hash can tell.</summary>
    private static JsonNode Altered(string name, JsonNode value) => (name, value) switch
    {
        ("kind", _) => JsonValue.Create(value.GetValue<string>() == "ingest" ? "denial" : "ingest"),
        ("time", _) => JsonValue.Create(DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture).AddSeconds(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)),
        ("type", _) => JsonValue.Create(value.GetValue<string>() == "peer" ? "user" : "peer"),
        ("id", JsonValue v) when Guid.TryParse(v.GetValue<string>(), out _) => JsonValue.Create(Guid.NewGuid().ToString("D")),
        (_, JsonObject o) => AlteredObject(o),
        (_, JsonArray a) => new JsonArray([.. a.Select(n => n!.DeepClone()), a.Count > 0 ? a[0]!.DeepClone() : JsonValue.Create("$.name")]),
        (_, JsonValue v) when v.TryGetValue<long>(out var number) => JsonValue.Create(number + 1),
        (_, JsonValue v) when v.GetValue<string>() is { Length: 64 } hash && hash.All(char.IsAsciiHexDigitLower) => JsonValue.Create((hash[0] == '0' ? "1" : "0") + hash[1..]),
        (_, JsonValue v) => JsonValue.Create(v.GetValue<string>() + "x"),
        _ => throw new InvalidOperationException($"unexpected member {name}"),
    };

    private static JsonObject AlteredObject(JsonObject value)
    {
        var copy = value.DeepClone().AsObject();
        var (key, member) = copy.First();
        copy[key] = Altered(key, member!);
        return copy;
    }
}

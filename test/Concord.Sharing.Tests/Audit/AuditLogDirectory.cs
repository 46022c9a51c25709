// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Sharing.Audit;
using Concord.Stix.Identifiers;
using NSec.Cryptography;

namespace Concord.Sharing.Tests.Audit;

/// <summary>
/// A log in a temporary directory with its own Ed25519 key, and the means to rewrite its lines as an attacker would:
/// hashes recomputed independently of the library (RFC 8785 through <see cref="JsonCanonicalizer"/> on the whole entry).
/// </summary>
internal sealed class AuditLogDirectory : IDisposable
{
    public const string NodeId = "identity--6b0c0d5e-64a4-4ab5-8d4e-7c6a6a0f1e11";

    public AuditLogDirectory()
    {
        Directory.CreateDirectory(Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "concord-audit-" + Guid.NewGuid().ToString("N"));

    public Key Key { get; } = Key.Create(SignatureAlgorithm.Ed25519);

    public string LogPath => System.IO.Path.Combine(Path, AuditLog.LogFileName);

    public string HeadPath => System.IO.Path.Combine(Path, AuditLog.HeadFileName);

    public Task<AuditLog> OpenAsync(int checkpointEntries = 1000, TimeProvider? time = null) =>
        AuditLog.OpenAsync(new AuditLogOptions
        {
            Directory = Path,
            SigningKey = Key,
            NodeId = NodeId,
            CheckpointEntries = checkpointEntries,
            CheckpointInterval = time is null ? TimeSpan.Zero : TimeSpan.FromSeconds(60),
            Time = time ?? TimeProvider.System,
        });

    /// <summary>Writes a closed log: the genesis checkpoint, the events (in order), checkpoints every <paramref name="checkpointEntries"/>, a final checkpoint.</summary>
    public async Task<IReadOnlyList<AuditEntry>> WriteAsync(IEnumerable<AuditEvent> events, int checkpointEntries = 1000)
    {
        var log = await OpenAsync(checkpointEntries);
        var entries = new List<AuditEntry>();
        await using (log)
        {
            foreach (var auditEvent in events)
            {
                entries.Add(await log.AppendAsync(auditEvent));
            }
        }

        return entries;
    }

    public AuditVerification Verify(PublicKey? key = null) => AuditLogVerifier.Verify(Path, key ?? Key.PublicKey);

    public List<string> ReadLines() => [.. File.ReadAllText(LogPath, Encoding.UTF8).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    public void WriteLines(IEnumerable<string> lines) => File.WriteAllText(LogPath, string.Concat(lines.Select(l => l + "\n")), new UTF8Encoding(false));

    public void Dispose()
    {
        Key.Dispose();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    /// <summary>SHA-256 of the JCS form of the entry without <c>hash</c>, computed on the whole object rather than member by member as the library does.</summary>
    public static string IndependentHash(JsonObject entry)
    {
        var copy = (JsonObject)entry.DeepClone();
        copy.Remove("hash");
        using var document = JsonDocument.Parse(copy.ToJsonString());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonCanonicalizer.Canonicalize(document.RootElement))));
    }

    /// <summary>Gives the entry a hash matching its content, as a forger would.</summary>
    public static string Rehash(JsonObject entry)
    {
        entry["hash"] = IndependentHash(entry);
        return entry.ToJsonString();
    }

    /// <summary>Re-links every line from <paramref name="from"/> on to the one before it and rehashes it, as a forger covering an edit would.</summary>
    public static void Rechain(List<string> lines, int from, bool renumber)
    {
        for (var i = Math.Max(from, 0); i < lines.Count; i++)
        {
            var entry = JsonNode.Parse(lines[i])!.AsObject();
            entry["prev"] = i == 0 ? AuditEntry.GenesisHash : JsonNode.Parse(lines[i - 1])!["hash"]!.GetValue<string>();
            if (renumber)
            {
                entry["seq"] = i + 1;
            }

            lines[i] = Rehash(entry);
        }
    }

    /// <summary>A deterministic mix of every appendable kind, with actors, organizations, objects, reasons and details.</summary>
    public static IEnumerable<AuditEvent> Events(int count, int seed)
    {
        var random = new Random(seed);
        var organizations = new[] { new AuditOrganization(Guid.Parse("0b5cbb8e-2f07-4d4c-9f55-8d2e0b1e9a01"), "CERT-A"), new AuditOrganization(Guid.Parse("4d3c2b1a-0000-4000-8000-00000000000b"), "CERT-B \"Ω\"") };
        var kinds = new[] { AuditEntryKind.Ingest, AuditEntryKind.Disclosure, AuditEntryKind.Denial, AuditEntryKind.Redaction, AuditEntryKind.PolicyChange, AuditEntryKind.SignatureRefused };
        for (var i = 0; i < count; i++)
        {
            var kind = kinds[random.Next(kinds.Length)];
            var objects = Enumerable.Range(0, random.Next(0, 4)).Select(n => new AuditObjectRef(
                $"indicator--{new Guid(random.Next(), 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)n):D}",
                n % 3 == 2 ? null : string.Create(CultureInfo.InvariantCulture, $"2025-0{1 + (n % 9)}-01T00:00:00.000Z"))
            {
                Outcome = kind == AuditEntryKind.Ingest ? "added" : null,
                Paths = kind == AuditEntryKind.Redaction ? ["$.description", "$.contact_information"] : null,
            }).ToList();
            yield return new AuditEvent(kind)
            {
                Actor = random.Next(3) == 0 ? null : AuditActor.User("analyst-" + random.Next(5).ToString(CultureInfo.InvariantCulture)),
                Organization = organizations[random.Next(organizations.Length)],
                Channel = AuditChannels.Taxii,
                Objects = objects,
                Reason = kind == AuditEntryKind.Denial ? "TLP:RED, recipient not named" : null,
                Details = random.Next(2) == 0 ? null : new JsonObject { ["collection"] = "5b0e6a3c", ["count"] = random.Next(1000), ["line\nbreak"] = "tab\there é" },
            };
        }
    }
}

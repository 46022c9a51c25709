// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text.Json.Nodes;
using Concord.Cli.Node;
using Concord.Sharing.Audit;
using NSec.Cryptography;

namespace Concord.Cli.Tests.Audit;

/// <summary><c>concord audit verify</c> and <c>concord audit show</c> on a node's data directory: exit codes and output.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private static readonly AuditOrganization Alpha = new(Guid.Parse("6f9619ff-8b86-4d11-b42d-00c04fc964ff"), "alpha");
    private static readonly AuditOrganization Beta = new(Guid.Parse("0e984725-c51c-4bf4-9960-e1c80e27aba0"), "beta");

    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-audit-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Verify_reports_a_valid_log_with_its_entries_and_last_checkpoint()
    {
        await WriteLogAsync();

        var run = CliRun.Of("audit", "verify", "--data", directory);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Out + run.Error);
        Assert.Contains($"{Path.Combine(directory, "audit", "audit.jsonl")}: valid", run.Out, StringComparison.Ordinal);
        Assert.Contains("entries:         5 (seq 1 to 5)", run.Out, StringComparison.Ordinal);
        Assert.Contains("last checkpoint: seq 5 at ", run.Out, StringComparison.Ordinal);
        Assert.Contains("unsigned tail:   none", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_exits_1_naming_the_edited_entry_and_the_rule()
    {
        await WriteLogAsync();
        var log = Path.Combine(directory, "audit", "audit.jsonl");
        var lines = File.ReadAllLines(log);
        lines[2] = lines[2].Replace("\"name\":\"beta\"", "\"name\":\"gamma\"", StringComparison.Ordinal);
        File.WriteAllLines(log, lines);

        var run = CliRun.Of("audit", "verify", "--data", directory);

        Assert.Equal(ExitCodes.Negative, run.ExitCode);
        Assert.Contains($"{log}: INVALID", run.Out, StringComparison.Ordinal);
        Assert.Contains("line 3 (seq 3): [HashMismatch]", run.Out, StringComparison.Ordinal);
        Assert.Contains("the entry was edited", run.Out, StringComparison.Ordinal);
        Assert.Contains("entries 1 to 2 before it verified", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_with_another_nodes_public_key_exits_1_at_the_first_checkpoint()
    {
        await WriteLogAsync();
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        var keyFile = Path.Combine(directory, "other.pub.pem");
        File.WriteAllBytes(keyFile, other.PublicKey.Export(KeyBlobFormat.PkixPublicKeyText));

        var run = CliRun.Of("audit", "verify", "--data", directory, "--public-key", keyFile);

        Assert.Equal(ExitCodes.Negative, run.ExitCode);
        Assert.Contains("line 1 (seq 1): [BadCheckpointSignature]", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_of_a_deleted_log_exits_1_and_an_unreadable_key_exits_2()
    {
        await WriteLogAsync();
        File.Delete(Path.Combine(directory, "audit", "audit.jsonl"));

        var missing = CliRun.Of("audit", "verify", "--data", directory);
        Assert.Equal(ExitCodes.Negative, missing.ExitCode);
        Assert.Contains("[MissingLog]", missing.Out, StringComparison.Ordinal);

        var noKey = CliRun.Of("audit", "verify", "--data", directory, "--public-key", Path.Combine(directory, "absent.pem"));
        Assert.Equal(ExitCodes.InputError, noKey.ExitCode);
        Assert.Contains("absent.pem cannot be read", noKey.Error, StringComparison.Ordinal);

        var notKey = CliRun.Of("audit", "verify", "--data", directory, "--public-key", Path.Combine(directory, NodeIdentity.IdentityFile));
        Assert.Equal(ExitCodes.InputError, notKey.ExitCode);
        Assert.Contains("is not an Ed25519 public key in PEM", notKey.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_filters_by_kind_organization_object_and_time()
    {
        var entries = await WriteLogAsync();

        var denials = CliRun.Of("audit", "show", "--data", directory, "--kind", "denial");
        Assert.Equal(ExitCodes.Success, denials.ExitCode);
        var line = Assert.Single(Lines(denials.Out));
        Assert.StartsWith("3  ", line, StringComparison.Ordinal);
        Assert.Contains("denial  org=beta  actor=user:alice  channel=taxii  objects=indicator--2@2025-02-01T00:00:00.000Z  reason=TLP:RED, beta not named", line, StringComparison.Ordinal);

        Assert.Equal(["2", "3"], Lines(CliRun.Of("audit", "show", "--data", directory, "--object", "indicator--2").Out).Select(l => l.Split("  ")[0]));
        Assert.Equal(["2", "4"], Lines(CliRun.Of("audit", "show", "--data", directory, "--org", "alpha").Out).Select(l => l.Split("  ")[0]));
        Assert.Equal(["3"], Lines(CliRun.Of("audit", "show", "--data", directory, "--org", Beta.Id.ToString("D").ToUpperInvariant()).Out).Select(l => l.Split("  ")[0]));
        Assert.Equal(["1", "5"], Lines(CliRun.Of("audit", "show", "--data", directory, "--kind", "checkpoint").Out).Select(l => l.Split("  ")[0]));
        Assert.Equal(["3", "4", "5"], Lines(CliRun.Of("audit", "show", "--data", directory, "--since", entries[2].Time.ToString("O", CultureInfo.InvariantCulture)).Out).Select(l => l.Split("  ")[0]));
        Assert.Equal(["1", "2"], Lines(CliRun.Of("audit", "show", "--data", directory, "--until", entries[2].Time.ToString("O", CultureInfo.InvariantCulture)).Out).Select(l => l.Split("  ")[0]));
        Assert.Equal(["2", "3", "4"], Lines(CliRun.Of("audit", "show", "--data", directory, "--kind", "ingest, denial,policy-change").Out).Select(l => l.Split("  ")[0]));
    }

    [Fact]
    public async Task Show_json_prints_the_stored_lines()
    {
        await WriteLogAsync();

        var run = CliRun.Of("audit", "show", "--data", directory, "--org", "alpha", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var stored = File.ReadAllLines(Path.Combine(directory, "audit", "audit.jsonl"));
        Assert.Equal([stored[1], stored[3]], Lines(run.Out));
        Assert.Equal("ingest", JsonNode.Parse(Lines(run.Out)[0])!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Show_exits_1_when_nothing_matches_and_2_on_a_bad_filter()
    {
        await WriteLogAsync();

        var none = CliRun.Of("audit", "show", "--data", directory, "--object", "malware--absent");
        Assert.Equal((ExitCodes.Negative, string.Empty), (none.ExitCode, none.Out));

        var kind = CliRun.Of("audit", "show", "--data", directory, "--kind", "ingest,leak");
        Assert.Equal(ExitCodes.InputError, kind.ExitCode);
        Assert.Contains("--kind: 'leak' is not a kind; the kinds are ingest, disclosure, denial, redaction, policy-change, signature-refused, checkpoint, recovery.", kind.Error, StringComparison.Ordinal);

        var time = CliRun.Of("audit", "show", "--data", directory, "--since", "yesterday");
        Assert.Equal(ExitCodes.InputError, time.ExitCode);
        Assert.Contains("--since: 'yesterday' is not a time", time.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_exits_2_naming_the_line_that_is_not_an_entry()
    {
        await WriteLogAsync();
        var log = Path.Combine(directory, "audit", "audit.jsonl");
        var lines = File.ReadAllLines(log);
        lines[1] = "{\"seq\": \"two\"}";
        File.WriteAllLines(log, lines);

        var run = CliRun.Of("audit", "show", "--data", directory);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains($"{log} line 2: not an audit entry:", run.Error, StringComparison.Ordinal);
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>An initialised data directory whose log holds: checkpoint, ingest (alpha), denial (beta), policy change (alpha), checkpoint.</summary>
    private async Task<List<AuditEntry>> WriteLogAsync()
    {
        Assert.Equal(ExitCodes.Success, CliRun.Of("init", "--data", directory).ExitCode);
        using var key = NodeIdentity.LoadSigningKey(directory);
        var log = await AuditLog.OpenAsync(new AuditLogOptions { Directory = Path.Combine(directory, "audit"), SigningKey = key, NodeId = "identity--node" });
        var entries = new List<AuditEntry>();
        await using (log)
        {
            entries.Add(await log.AppendAsync(new AuditEvent(AuditEntryKind.Ingest)
            {
                Actor = AuditActor.User("admin"),
                Organization = Alpha,
                Channel = AuditChannels.Taxii,
                Objects = [new("indicator--1", "2025-01-01T00:00:00.000Z") { Outcome = "added" }, new("indicator--2", "2025-02-01T00:00:00.000Z") { Outcome = "added" }],
            }));
            await Task.Delay(5);
            entries.Add(await log.AppendAsync(new AuditEvent(AuditEntryKind.Denial)
            {
                Actor = AuditActor.User("alice"),
                Organization = Beta,
                Channel = AuditChannels.Taxii,
                Objects = [new("indicator--2", "2025-02-01T00:00:00.000Z")],
                Reason = "TLP:RED, beta not named",
            }));
            entries.Add(await log.AppendAsync(new AuditEvent(AuditEntryKind.PolicyChange) { Actor = AuditActor.Local("root"), Organization = Alpha, Reason = "organization added" }));
        }

        return [.. AuditLogReader.Read(Path.Combine(directory, "audit"))];
    }
}

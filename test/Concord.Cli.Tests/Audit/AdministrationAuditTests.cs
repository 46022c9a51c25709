// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Cli.Node;
using Concord.Sharing.Audit;

namespace Concord.Cli.Tests.Audit;

/// <summary><c>concord org|user|token|collection</c> record policy-change entries, also while a node holds the log open.</summary>
public sealed class AdministrationAuditTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-admin-audit-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Administration_commands_record_policy_changes_in_the_log_a_running_node_writes_too()
    {
        Assert.Equal(ExitCodes.Success, CliRun.Of("init", "--data", directory).ExitCode);
        using var key = NodeIdentity.LoadSigningKey(directory);
        var node = await AuditLog.OpenAsync(new AuditLogOptions { Directory = Path.Combine(directory, "audit"), SigningKey = key, NodeId = "identity--node" });
        await using (node)
        {
            Assert.Equal(ExitCodes.Success, CliRun.Of("org", "add", "--data", directory, "beta").ExitCode);
            await node.AppendAsync(new AuditEvent(AuditEntryKind.Ingest) { Channel = AuditChannels.Taxii });
            Assert.Equal(ExitCodes.Success, CliRun.WithInput("a long enough password\n", "user", "add", "--data", directory, "--org", "beta", "--password-stdin", "bob").ExitCode);
            Assert.Equal(ExitCodes.Success, CliRun.Of("token", "create", "--data", directory, "--user", "bob", "--name", "feed").ExitCode);
            Assert.Equal(ExitCodes.Success, CliRun.Of("collection", "add", "--data", directory, "--title", "Shared", "--read", "node,beta", "--write", "node").ExitCode);
        }

        var changes = AuditLogReader.Read(Path.Combine(directory, "audit")).Where(e => e.Kind == AuditEntryKind.PolicyChange).ToList();
        Assert.Equal(["organization added", "user added", "API token created", "collection added"], changes.Select(c => c.Reason));
        Assert.All(changes, c => Assert.Equal((AuditActorType.Local, AuditChannels.Cli), (c.Actor!.Type, c.Channel)));
        Assert.Equal("beta", changes[0].Organization!.Name);
        Assert.Equal("bob", changes[1].Details!.Value.GetProperty("user").GetString());
        Assert.Equal("feed", changes[2].Details!.Value.GetProperty("token").GetString());
        Assert.Equal("""["beta","node"]""", changes[3].Details!.Value.GetProperty("read").GetRawText());
        var verify = CliRun.Of("audit", "verify", "--data", directory);
        Assert.True(verify.ExitCode == ExitCodes.Success, verify.Out);
        Assert.Contains("unsigned tail:   none", verify.Out, StringComparison.Ordinal);
    }
}

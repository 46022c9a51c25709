// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Sharing.Audit;

namespace Concord.Cli.Tests;

/// <summary><c>concord group</c> and <c>concord agreement</c>: every command, its JSON, its errors and its audit entries.</summary>
public sealed class SharingCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-cli-" + Guid.NewGuid().ToString("N"));

    public SharingCommandTests()
    {
        Assert.Equal(ExitCodes.Success, Run("init").ExitCode);
        Assert.Equal(ExitCodes.Success, Run("org", "add", "CERT-B").ExitCode);
        Assert.Equal(ExitCodes.Success, Run("org", "add", "CERT-C").ExitCode);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Groups_are_added_joined_listed_left_and_removed()
    {
        Assert.StartsWith("Added working group Cyber WG (", Run("group", "add", "Cyber WG", "--description", "cyber").Out, StringComparison.Ordinal);
        Assert.Equal("CERT-B joined Cyber WG", Run("group", "member", "add", "Cyber WG", "CERT-B").Out.Trim());
        Assert.Equal("CERT-B already is a member of Cyber WG", Run("group", "member", "add", "Cyber WG", "CERT-B").Out.Trim());
        Assert.Equal(ExitCodes.Success, Run("group", "member", "add", "Cyber WG", "CERT-C").ExitCode);

        using (var listed = JsonDocument.Parse(Run("group", "list", "--json").Out))
        {
            var group = Assert.Single(listed.RootElement.EnumerateArray().ToArray());
            Assert.Equal("Cyber WG", group.GetProperty("name").GetString());
            Assert.Equal(["CERT-B", "CERT-C"], group.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        }

        Assert.Contains("members:     ", Run("group", "list").Out, StringComparison.Ordinal);
        Assert.Equal("CERT-C left Cyber WG", Run("group", "member", "remove", "Cyber WG", "CERT-C").Out.Trim());
        Assert.Equal(ExitCodes.Success, Run("group", "remove", "Cyber WG").ExitCode);
        Assert.Equal("[]", Run("group", "list", "--json").Out.Trim());

        Assert.Equal(
            ["group-add", "member-add", "member-add", "member-remove", "group-remove"],
            PolicyChanges().Select(e => e.Details!.Value.GetProperty("change").GetString()));
    }

    [Fact]
    public void An_agreement_is_added_with_every_field_shown_listed_and_revoked()
    {
        Assert.Equal(ExitCodes.Success, Run("group", "add", "Cyber WG").ExitCode);
        var added = Run(
            "agreement", "add", "B to WG", "--party", "org:CERT-B", "--party", "group:Cyber WG", "--direction", "one-way", "--provider", "org:CERT-B",
            "--tlp", "green,amber", "--types", "indicator,malware", "--exclude-types", "identity", "--personal-data", "email-address=GDPR Art. 6(1)(e)",
            "--retention-days", "180", "--valid-from", "2026-01-01T00:00:00Z", "--valid-until", "2099-01-01", "--description", "feeds");
        Assert.True(added.ExitCode == ExitCodes.Success, added.Error);
        Assert.EndsWith("in-force", added.Out.Trim(), StringComparison.Ordinal);

        using (var shown = JsonDocument.Parse(Run("agreement", "show", "B to WG", "--json").Out))
        {
            var root = shown.RootElement;
            Assert.Equal("one-way", root.GetProperty("direction").GetString());
            Assert.Equal("CERT-B", root.GetProperty("provider").GetProperty("name").GetString());
            Assert.Equal(["green", "amber"], root.GetProperty("tlp").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(["indicator", "malware"], root.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal("GDPR Art. 6(1)(e)", root.GetProperty("personal_data").GetProperty("email-address").GetString());
            Assert.Equal(180, root.GetProperty("retention_days").GetDouble());
            Assert.Equal("2099-01-01T00:00:00+00:00", root.GetProperty("valid_until").GetString());
        }

        var text = Run("agreement", "show", "B to WG").Out;
        Assert.Contains("personal data: email-address (GDPR Art. 6(1)(e))", text, StringComparison.Ordinal);
        Assert.Contains("direction:     one-way from org:CERT-B", text, StringComparison.Ordinal);
        Assert.Contains("[in-force]  org:CERT-B + group:Cyber WG  TLP green,amber", Run("agreement", "list").Out, StringComparison.Ordinal);

        Assert.StartsWith("Revoked agreement B to WG at ", Run("agreement", "revoke", "B to WG").Out, StringComparison.Ordinal);
        Assert.Contains("[revoked]", Run("agreement", "list").Out, StringComparison.Ordinal);
        Assert.Equal(["group-add", "agreement-add", "agreement-revoke"], PolicyChanges().Select(e => e.Details!.Value.GetProperty("change").GetString()));
    }

    [Theory]
    [InlineData(new[] { "agreement", "add", "x", "--party", "org:CERT-B", "--party", "org:CERT-Z", "--tlp", "green" }, "concord agreement add: parties: there is no organization 'CERT-Z'.")]
    [InlineData(new[] { "agreement", "add", "x", "--party", "org:CERT-B", "--party", "org:CERT-C", "--tlp", "grey" }, "concord agreement add: tlp: 'grey' is not one of clear, green, amber, amber+strict, red (or white). tlp: an agreement covers at least one TLP level.")]
    [InlineData(new[] { "agreement", "add", "x", "--party", "org:CERT-B", "--party", "org:CERT-C", "--tlp", "green", "--personal-data", "email-address" }, "concord agreement add: --personal-data 'email-address' is not CATEGORY=LEGAL-BASIS.")]
    [InlineData(new[] { "agreement", "add", "x", "--party", "org:CERT-B", "--party", "org:CERT-C", "--tlp", "green", "--valid-from", "soon" }, "concord agreement add: --valid-from 'soon' is not an ISO 8601 date or time.")]
    [InlineData(new[] { "agreement", "add", "x", "--party", "org:CERT-B", "--party", "org:CERT-C", "--tlp", "green", "--direction", "one-way" }, "concord agreement add: provider: a one-way agreement names its provider, one of its parties.")]
    [InlineData(new[] { "agreement", "show", "nothing" }, "concord agreement show: agreement: there is no agreement 'nothing'.")]
    [InlineData(new[] { "group", "member", "add", "nothing", "CERT-B" }, "concord group member add: group: there is no working group 'nothing'.")]
    [InlineData(new[] { "group", "own", "nothing", "--collection", "8a1d7c2e-0000-4000-8000-000000000000" }, "concord group own: group: there is no working group 'nothing'.")]
    public void A_refused_request_names_the_field_and_the_rule_and_exits_2(string[] args, string message)
    {
        var run = Run(args);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Equal(message, run.Error.Trim());
        Assert.Empty(PolicyChanges());
    }

    [Fact]
    public void A_working_group_can_own_a_collection_no_organization_owns()
    {
        Assert.Equal(ExitCodes.Success, Run("group", "add", "WG").ExitCode);
        var collection = Run("collection", "add", "--title", "WG feed").Out.Trim();

        var own = Run("group", "own", "WG", "--collection", collection);

        Assert.True(own.ExitCode == ExitCodes.Success, own.Error);
        using var listed = JsonDocument.Parse(Run("group", "list", "--json").Out);
        Assert.Equal(collection, listed.RootElement[0].GetProperty("collections")[0].GetString());
    }

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--data", directory]);

    /// <summary>The sharing model's changes (each names its <c>change</c>), not the accounts' (organizations added by the setup).</summary>
    private List<AuditEntry> PolicyChanges() =>
        Directory.Exists(Path.Combine(directory, "audit"))
            ? [.. AuditLogReader.Read(Path.Combine(directory, "audit"))
                .Where(e => e.Kind == AuditEntryKind.PolicyChange && e.Details is { ValueKind: JsonValueKind.Object } details && details.TryGetProperty("change", out _))]
            : [];
}

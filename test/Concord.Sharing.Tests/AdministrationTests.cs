// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Sharing.Administration;
using Concord.Sharing.Audit;
using Concord.Storage.Sqlite;
using Concord.Testing;

namespace Concord.Sharing.Tests;

public sealed class AdministrationTests : IAsyncLifetime
{
    private static readonly AuditActor Admin = AuditActor.Local("root");
    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-sharing-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingAuditLog audit = new();
    private SqliteStore store = null!;
    private SharingAdministration admin = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        store = SqliteStore.Open(Path.Combine(directory, "concord.db"));
        await store.CreateOrganizationAsync("CERT-A");
        await store.CreateOrganizationAsync("CERT-B");
        admin = new SharingAdministration(store, audit, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Every_change_is_recorded_as_a_policy_change_and_a_no_op_is_not()
    {
        await admin.AddGroupAsync("Cyber WG", "cyber", Admin, AuditChannels.Cli);
        Assert.True(await admin.AddMemberAsync("Cyber WG", "CERT-A", Admin, AuditChannels.Cli));
        Assert.False(await admin.AddMemberAsync("Cyber WG", "CERT-A", Admin, AuditChannels.Cli));
        var agreement = await admin.AddAgreementAsync(new AgreementRequest { Name = "A-WG", Parties = ["org:CERT-B", "group:Cyber WG"], Tlp = ["green"] }, Admin, AuditChannels.Cli);
        await admin.RevokeAgreementAsync("A-WG", Admin, AuditChannels.Cli);
        await admin.RevokeAgreementAsync(agreement.Id.ToString("D"), Admin, AuditChannels.Cli);
        await admin.RemoveMemberAsync("Cyber WG", "CERT-A", Admin, AuditChannels.Cli);
        await admin.RemoveGroupAsync("Cyber WG", Admin, AuditChannels.Cli);

        Assert.All(audit.Events, e => Assert.Equal(AuditEntryKind.PolicyChange, e.Kind));
        Assert.All(audit.Events, e => Assert.Equal(Admin, e.Actor));
        Assert.Equal(
            ["group-add", "member-add", "agreement-add", "agreement-revoke", "member-remove", "group-remove"],
            audit.Events.Select(e => (string)e.Details!["change"]!));
        Assert.Equal("revoked", (await admin.GetAgreementAsync("A-WG")).Status);
    }

    [Fact]
    public async Task An_agreement_request_with_several_problems_lists_them_all()
    {
        var request = new AgreementRequest
        {
            Name = "bad",
            Parties = ["org:CERT-A"],
            Direction = "sideways",
            Tlp = ["purple"],
            PersonalData = new Dictionary<string, string> { ["email-address"] = " ", ["dna"] = "x" },
            RetentionDays = 0,
        };

        var error = await Assert.ThrowsAsync<SharingException>(() => admin.AddAgreementAsync(request, Admin, AuditChannels.Cli));

        Assert.Equal(SharingErrorKind.Invalid, error.Kind);
        foreach (var part in new[] { "direction: 'sideways'", "tlp: 'purple'", "personal_data: 'dna'", "retention_days:", "parties: an agreement has at least two", "'email-address' needs a stated legal basis" })
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(audit.Events);
        Assert.Empty(await store.ListAgreementsAsync());
    }

    [Theory]
    [InlineData("org:CERT-Z", SharingErrorKind.NotFound, "parties: there is no organization 'CERT-Z'.")]
    [InlineData("group:Nobody", SharingErrorKind.NotFound, "group: there is no working group 'Nobody'.")]
    [InlineData("CERT-A", SharingErrorKind.Invalid, "parties: 'CERT-A' is not 'org:NAME' or 'group:NAME'.")]
    public async Task An_unknown_or_malformed_party_is_named(string party, SharingErrorKind kind, string message)
    {
        var error = await Assert.ThrowsAsync<SharingException>(() => admin.AddAgreementAsync(new AgreementRequest { Name = "x", Parties = ["org:CERT-B", party], Tlp = ["green"] }, Admin, AuditChannels.Cli));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task A_one_way_agreement_is_shown_with_every_field()
    {
        var view = await admin.AddAgreementAsync(
            new AgreementRequest
            {
                Name = "A to B",
                Description = "indicators",
                Parties = ["org:CERT-A", "org:CERT-B"],
                Direction = "one-way",
                Provider = "org:CERT-A",
                Tlp = ["amber", "white", "green"],
                Types = ["indicator"],
                ExcludeTypes = ["identity"],
                PersonalData = new Dictionary<string, string> { ["email-address"] = "GDPR Art. 6(1)(e)" },
                RetentionDays = 90,
                ValidUntil = DateTimeOffset.UtcNow.AddDays(30),
            },
            Admin,
            AuditChannels.Cli);

        var shown = await admin.GetAgreementAsync("A to B");
        Assert.Equal(view.Id, shown.Id);
        Assert.Equal("in-force", shown.Status);
        Assert.Equal("one-way", shown.Direction);
        Assert.Equal("CERT-A", shown.Provider!.Name);
        Assert.Equal(["clear", "green", "amber"], shown.Tlp);
        Assert.Equal(["CERT-A", "CERT-B"], shown.Parties.Select(p => p.Name));
        Assert.Equal("GDPR Art. 6(1)(e)", shown.PersonalData["email-address"]);
        Assert.Equal(90, shown.RetentionDays);
    }
}

public sealed class AgreementRequestJsonTests
{
    [Fact]
    public void An_agreement_request_reads_from_snake_case_JSON()
    {
        var request = System.Text.Json.JsonSerializer.Deserialize(
            """{"name":"n","parties":["org:a","group:b"],"tlp":["amber"],"types":["indicator"],"exclude_types":["identity"],"personal_data":{"email-address":"basis"},"retention_days":30,"valid_until":"2030-01-01T00:00:00Z"}""",
            SharingJsonContext.Default.AgreementRequest)!;

        Assert.Equal(["org:a", "group:b"], request.Parties);
        Assert.Equal("basis", request.PersonalData["email-address"]);
        Assert.Equal(["identity"], request.ExcludeTypes);
        Assert.Equal(30, request.RetentionDays);
    }
}

public sealed class AgreementRequestCheckTests
{
    [Fact]
    public async Task A_request_that_omits_the_lists_is_checked_not_crashed_on()
    {
        var request = System.Text.Json.JsonSerializer.Deserialize("""{"name":"n"}""", SharingJsonContext.Default.AgreementRequest)!;
        var directory = Path.Combine(Path.GetTempPath(), "concord-sharing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await using var store = SqliteStore.Open(Path.Combine(directory, "concord.db"));
            var admin = new SharingAdministration(store, new RecordingAuditLog(), TimeProvider.System);

            var error = await Assert.ThrowsAsync<SharingException>(() => admin.AddAgreementAsync(request, AuditActor.Local("root"), AuditChannels.Cli));

            Assert.Equal("parties: an agreement has at least two distinct parties. tlp: an agreement covers at least one TLP level.", error.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

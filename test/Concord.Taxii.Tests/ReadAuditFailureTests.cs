// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Sharing.Audit;
using Concord.Taxii.Tests.Support;

namespace Concord.Taxii.Tests;

/// <summary>
/// A disclosure that the audit log cannot record does not happen: every read endpoint answers with a clean TAXII error and
/// sends none of the objects.
/// </summary>
public sealed class ReadAuditFailureTests : IAsyncLifetime
{
    private Guid owner;
    private Guid collection;
    private string id = string.Empty;

    private PolicyNode Node { get; } = new();

    public async Task InitializeAsync()
    {
        owner = await Node.OrganizationAsync("owner");
        collection = await Node.CollectionAsync(owner, null, owner);
        id = "indicator--" + Guid.NewGuid().ToString("D");
        await Node.AddAsync(collection, [$$"""
            {"type":"indicator","spec_version":"2.1","id":"{{id}}","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z",
             "pattern":"[ipv4-addr:value = '198.51.100.7']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z"}
            """]);
        await Node.StartAsync(auditLog: new FailingAuditLog());
    }

    public async Task DisposeAsync() => await Node.DisposeAsync();

    [Theory]
    [InlineData("objects/")]
    [InlineData("objects/{id}/")]
    [InlineData("objects/{id}/versions/")]
    [InlineData("manifest/")]
    public async Task A_read_the_audit_log_cannot_record_is_refused_with_503_and_discloses_nothing(string endpoint)
    {
        var response = await Node.GetAsync(owner, Node.CollectionUrl(collection, endpoint.Replace("{id}", id, StringComparison.Ordinal)));

        Assert.Equal(503, response.Status);
        Assert.Equal("The audit log cannot record this request", response.Json.GetProperty("title").GetString());
        Assert.DoesNotContain(id, response.Body, StringComparison.Ordinal);
        Assert.Null(response.DateAddedFirst);
    }

    private sealed class FailingAuditLog : IAuditLog
    {
        public Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
            Task.FromException<AuditEntry>(new AuditLogException("The audit log /var/lib/concord/audit/audit.jsonl could not be written: disk full"));
    }
}

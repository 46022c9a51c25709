// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Data;
using Concord.Stix;
using Concord.Storage.Status;
using Npgsql;

namespace Concord.Storage.Postgres;

/// <content>Status resources.</content>
public sealed partial class PostgresStore
{
    /// <inheritdoc />
    public Task SaveStatusAsync(StatusResource status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        return RunAsync(
            async (connection, ct) =>
            {
                await WriteStatusAsync(connection, status, ct).ConfigureAwait(false);
                return 0;
            },
            transaction: true,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StatusResource?> GetStatusAsync(Guid statusId, CancellationToken cancellationToken = default) =>
        RunAsync(
            async (connection, ct) =>
            {
                StatusResource status;
                await using (var select = Command(
                    connection,
                    "SELECT api_root, status, org, collection, request_timestamp, total_count, success_count, failure_count, pending_count FROM statuses WHERE id = $1;",
                    statusId))
                await using (var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        return null;
                    }

                    status = new StatusResource(statusId, reader.GetString(0), reader.GetString(1))
                    {
                        OrganizationId = reader.IsDBNull(2) ? null : reader.GetGuid(2),
                        CollectionId = reader.IsDBNull(3) ? null : reader.GetGuid(3),
                        RequestTimestamp = reader.IsDBNull(4) ? null : StixTimestamp.Parse(reader.GetString(4)),
                        TotalCount = reader.GetInt32(5),
                        SuccessCount = reader.GetInt32(6),
                        FailureCount = reader.GetInt32(7),
                        PendingCount = reader.GetInt32(8),
                    };
                }

                var lists = new[] { new List<StatusDetail>(), new List<StatusDetail>(), new List<StatusDetail>() };
                await using (var details = Command(connection, "SELECT kind, object_id, version, message FROM status_details WHERE status_id = $1 ORDER BY kind, ord;", statusId))
                await using (var reader = await details.ExecuteReaderAsync(ct).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        lists[reader.GetInt16(0)].Add(new StatusDetail(reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
                    }
                }

                return status with { Successes = lists[0], Failures = lists[1], Pendings = lists[2] };
            },
            transaction: true,
            cancellationToken,
            IsolationLevel.RepeatableRead);

    /// <summary>Upserts a status and replaces its details, in the caller's transaction.</summary>
    private static async Task WriteStatusAsync(NpgsqlConnection connection, StatusResource status, CancellationToken ct)
    {
        var kinds = new List<short>();
        var ords = new List<int>();
        var ids = new List<string>();
        var versions = new List<string>();
        var messages = new List<string?>();
        var lists = new[] { status.Successes, status.Failures, status.Pendings };
        for (short kind = 0; kind < lists.Length; kind++)
        {
            for (var ord = 0; ord < lists[kind].Count; ord++)
            {
                kinds.Add(kind);
                ords.Add(ord);
                ids.Add(lists[kind][ord].Id);
                versions.Add(lists[kind][ord].Version);
                messages.Add(lists[kind][ord].Message);
            }
        }

        // One round trip: the upsert locks the status row, so concurrent saves of one status replace its details in turn.
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Batched(
                    """
                    INSERT INTO statuses (id, api_root, status, org, collection, request_timestamp, total_count, success_count, failure_count, pending_count)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                    ON CONFLICT (id) DO UPDATE SET api_root = excluded.api_root, status = excluded.status, org = excluded.org, collection = excluded.collection,
                        request_timestamp = excluded.request_timestamp, total_count = excluded.total_count, success_count = excluded.success_count,
                        failure_count = excluded.failure_count, pending_count = excluded.pending_count;
                    """,
                    status.Id, status.ApiRoot, status.Status, status.OrganizationId, status.CollectionId, status.RequestTimestamp?.Text,
                    status.TotalCount, status.SuccessCount, status.FailureCount, status.PendingCount),
                Batched("DELETE FROM status_details WHERE status_id = $1;", status.Id),
                Batched(
                    """
                    INSERT INTO status_details (status_id, kind, ord, object_id, version, message)
                    SELECT $1, k, o, i, v, m FROM unnest($2::smallint[], $3::integer[], $4::text[], $5::text[], $6::text[]) AS x (k, o, i, v, m);
                    """,
                    status.Id, kinds.ToArray(), ords.ToArray(), ids.ToArray(), versions.ToArray(), messages.ToArray()),
            },
        };
        await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}

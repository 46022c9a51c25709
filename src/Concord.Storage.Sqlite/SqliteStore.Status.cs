// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix;
using Concord.Storage.Sqlite.Internal;
using Concord.Storage.Status;

namespace Concord.Storage.Sqlite;

/// <content>Status resources.</content>
public sealed partial class SqliteStore
{
    /// <inheritdoc />
    public Task SaveStatusAsync(StatusResource status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        return WriteAsync(
            session =>
            {
                WriteStatus(session, status);
                return 0;
            },
            cancellationToken);
    }

    private static void WriteStatus(Session session, StatusResource status)
    {
        var id = status.Id.ToString("D");
        var clear = session.Command("DELETE FROM status_details WHERE status_id = @id;", "@id");
        clear.Parameters[0].Value = id;
        clear.ExecuteNonQuery();
        var upsert = session.Command(
            """
            INSERT INTO statuses (id, api_root, status, org, collection, request_timestamp, total_count, success_count, failure_count, pending_count)
            VALUES (@id, @root, @status, @org, @collection, @requested, @total, @success, @failure, @pending)
            ON CONFLICT (id) DO UPDATE SET api_root = excluded.api_root, status = excluded.status, org = excluded.org, collection = excluded.collection,
                request_timestamp = excluded.request_timestamp, total_count = excluded.total_count, success_count = excluded.success_count,
                failure_count = excluded.failure_count, pending_count = excluded.pending_count;
            """,
            "@id", "@root", "@status", "@org", "@collection", "@requested", "@total", "@success", "@failure", "@pending");
        Bind(upsert, id, status.ApiRoot, status.Status, status.OrganizationId, status.CollectionId, status.RequestTimestamp?.Text, (long)status.TotalCount, (long)status.SuccessCount, (long)status.FailureCount, (long)status.PendingCount);
        upsert.ExecuteNonQuery();
        var detail = session.Command(
            "INSERT INTO status_details (status_id, kind, ord, object_id, version, message) VALUES (@id, @kind, @ord, @object, @version, @message);",
            "@id", "@kind", "@ord", "@object", "@version", "@message");
        var lists = new[] { status.Successes, status.Failures, status.Pendings };
        for (var kind = 0; kind < lists.Length; kind++)
        {
            for (var ord = 0; ord < lists[kind].Count; ord++)
            {
                var entry = lists[kind][ord];
                Bind(detail, id, (long)kind, (long)ord, entry.Id, entry.Version, entry.Message);
                detail.ExecuteNonQuery();
            }
        }
    }

    /// <inheritdoc />
    public Task<StatusResource?> GetStatusAsync(Guid statusId, CancellationToken cancellationToken = default) =>
        ReadSnapshot(
            session =>
            {
                var id = statusId.ToString("D");
                var select = session.Command(
                    "SELECT api_root, status, org, collection, request_timestamp, total_count, success_count, failure_count, pending_count FROM statuses WHERE id = @id;",
                    "@id");
                select.Parameters[0].Value = id;
                StatusResource status;
                using (var reader = select.ExecuteReader())
                {
                    if (!reader.Read())
                    {
                        return null;
                    }

                    status = new StatusResource(statusId, reader.GetString(0), reader.GetString(1))
                    {
                        OrganizationId = reader.IsDBNull(2) ? null : Guid.Parse(reader.GetString(2)),
                        CollectionId = reader.IsDBNull(3) ? null : Guid.Parse(reader.GetString(3)),
                        RequestTimestamp = reader.IsDBNull(4) ? null : StixTimestamp.Parse(reader.GetString(4)),
                        TotalCount = reader.GetInt32(5),
                        SuccessCount = reader.GetInt32(6),
                        FailureCount = reader.GetInt32(7),
                        PendingCount = reader.GetInt32(8),
                    };
                }

                var details = session.Command("SELECT kind, object_id, version, message FROM status_details WHERE status_id = @id ORDER BY kind, ord;", "@id");
                details.Parameters[0].Value = id;
                var lists = new[] { new List<StatusDetail>(), new List<StatusDetail>(), new List<StatusDetail>() };
                using (var reader = details.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        lists[reader.GetInt32(0)].Add(new StatusDetail(reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
                    }
                }

                return status with { Successes = lists[0], Failures = lists[1], Pendings = lists[2] };
            },
            cancellationToken);
}

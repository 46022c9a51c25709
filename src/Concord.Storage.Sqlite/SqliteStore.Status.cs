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
        var upsert = session.Command(
            """
            INSERT INTO statuses (id, api_root, status, org, collection, request_timestamp, total_count, success_count, failure_count, pending_count, details)
            VALUES (@id, @root, @status, @org, @collection, @requested, @total, @success, @failure, @pending, @details)
            ON CONFLICT (id) DO UPDATE SET api_root = excluded.api_root, status = excluded.status, org = excluded.org, collection = excluded.collection,
                request_timestamp = excluded.request_timestamp, total_count = excluded.total_count, success_count = excluded.success_count,
                failure_count = excluded.failure_count, pending_count = excluded.pending_count, details = excluded.details;
            """,
            "@id", "@root", "@status", "@org", "@collection", "@requested", "@total", "@success", "@failure", "@pending", "@details");
        Bind(upsert, status.Id.ToString("D"), status.ApiRoot, status.Status, status.OrganizationId, status.CollectionId, status.RequestTimestamp?.Text,
            (long)status.TotalCount, (long)status.SuccessCount, (long)status.FailureCount, (long)status.PendingCount, StatusDetailsBlob.Write(status));
        upsert.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public Task<StatusResource?> GetStatusAsync(Guid statusId, CancellationToken cancellationToken = default) =>
        ReadSnapshot(
            session =>
            {
                var select = session.Command(
                    "SELECT api_root, status, org, collection, request_timestamp, total_count, success_count, failure_count, pending_count, details FROM statuses WHERE id = @id;",
                    "@id");
                select.Parameters[0].Value = statusId.ToString("D");
                using var reader = select.ExecuteReader();
                if (!reader.Read())
                {
                    return null;
                }

                var (successes, failures, pendings) = StatusDetailsBlob.Read(reader.GetFieldValue<byte[]>(9), statusId);
                return new StatusResource(statusId, reader.GetString(0), reader.GetString(1))
                {
                    OrganizationId = reader.IsDBNull(2) ? null : Guid.Parse(reader.GetString(2)),
                    CollectionId = reader.IsDBNull(3) ? null : Guid.Parse(reader.GetString(3)),
                    RequestTimestamp = reader.IsDBNull(4) ? null : StixTimestamp.Parse(reader.GetString(4)),
                    TotalCount = reader.GetInt32(5),
                    SuccessCount = reader.GetInt32(6),
                    FailureCount = reader.GetInt32(7),
                    PendingCount = reader.GetInt32(8),
                    Successes = successes,
                    Failures = failures,
                    Pendings = pendings,
                };
            },
            cancellationToken);
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Text.Json;
using Concord.Storage.Status;

namespace Concord.Storage.Sqlite.Internal;

/// <summary>
/// The details of a status resource (TAXII 2.1 section 4.3.1: successes, failures, pendings) as one compact UTF-8
/// JSON array stored in the status row: <c>[[kind, id, version, message|null], ...]</c> with kind 0 success,
/// 1 failure, 2 pending, in list order. A status is written and read whole, so one value per status replaces a
/// row (and an index entry) per object.
/// </summary>
/// <remarks>Migration 4 (<see cref="Schema"/>) builds the same array from the former <c>status_details</c> rows.</remarks>
internal static class StatusDetailsBlob
{
    public static byte[] Write(StatusResource status)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (64 * (status.Successes.Count + status.Failures.Count + status.Pendings.Count)));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            Write(writer, 0, status.Successes);
            Write(writer, 1, status.Failures);
            Write(writer, 2, status.Pendings);
            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads the three lists back.</summary>
    /// <exception cref="StorageException">The value is not an array of details (a damaged database).</exception>
    public static (List<StatusDetail> Successes, List<StatusDetail> Failures, List<StatusDetail> Pendings) Read(ReadOnlySpan<byte> blob, Guid statusId)
    {
        try
        {
            return ReadEntries(blob, statusId);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw Damaged(statusId);
        }
    }

    private static (List<StatusDetail> Successes, List<StatusDetail> Failures, List<StatusDetail> Pendings) ReadEntries(ReadOnlySpan<byte> blob, Guid statusId)
    {
        var lists = new[] { new List<StatusDetail>(), new List<StatusDetail>(), new List<StatusDetail>() };
        var reader = new Utf8JsonReader(blob);
        Expect(ref reader, JsonTokenType.StartArray, statusId);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            Expect(ref reader, JsonTokenType.Number, statusId);
            var kind = reader.GetInt32();
            Expect(ref reader, JsonTokenType.String, statusId);
            var id = reader.GetString()!;
            Expect(ref reader, JsonTokenType.String, statusId);
            var version = reader.GetString()!;
            reader.Read();
            var message = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            Expect(ref reader, JsonTokenType.EndArray, statusId);
            if (kind is < 0 or > 2)
            {
                throw Damaged(statusId);
            }

            lists[kind].Add(new StatusDetail(id, version, message));
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw Damaged(statusId);
        }

        return (lists[0], lists[1], lists[2]);
    }

    private static void Write(Utf8JsonWriter writer, int kind, IReadOnlyList<StatusDetail> details)
    {
        foreach (var detail in details)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(kind);
            writer.WriteStringValue(detail.Id);
            writer.WriteStringValue(detail.Version);
            if (detail.Message is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(detail.Message);
            }

            writer.WriteEndArray();
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, Guid statusId)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw Damaged(statusId);
        }
    }

    private static StorageException Damaged(Guid statusId) =>
        new($"The details of status {statusId:D} are not a list of [kind, id, version, message] entries; the database is damaged.");
}

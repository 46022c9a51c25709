// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Concord.Benchmarks.Storage;

/// <summary>The objects and the bare SQLite table the storage benchmarks compare against.</summary>
internal static class StorageData
{
    public const int Count = 10_000;
    public const int Batch = 1_000;

    /// <summary>Realistic STIX 2.1 indicators (about 600 bytes each), with ids that differ per <paramref name="seed"/>.</summary>
    public static ReadOnlyMemory<byte>[] Objects(int seed)
    {
        var result = new ReadOnlyMemory<byte>[Count];
        for (var n = 0; n < Count; n++)
        {
            var id = "indicator--" + new Guid(n, (short)seed, 4, new byte[] { 0x80, 0, 0, 0, 0, 0, 0, 1 }).ToString("D");
            result[n] = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""
                {"type":"indicator","spec_version":"2.1","id":"{{id}}","created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-0{{1 + (n % 9)}}T00:00:00.000Z","name":"Malicious site hosting downloader {{n}}","description":"This organized threat actor group operates to create profit from all types of crime.","indicator_types":["malicious-activity"],"pattern":"[url:value = 'http://x4z9arb.cn/{{n}}/4712/']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z","object_marking_refs":["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"]}
                """));
        }

        return result;
    }

    public static long Bytes(ReadOnlyMemory<byte>[] objects) => objects.Sum(o => (long)o.Length);

    /// <summary>
    /// A bare table with the columns a minimal TAXII collection needs (date added as the rowid, id, type, version, the
    /// JSON) and the same durability settings as the store: WAL and synchronous=FULL, so each commit is fsynced.
    /// </summary>
    public static SqliteConnection OpenBare(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS bare (date_added INTEGER PRIMARY KEY, id TEXT NOT NULL, type TEXT NOT NULL, version TEXT NOT NULL, json BLOB NOT NULL);
            """;
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>The columns of the bare table for each object, read once outside the measured code: the baseline measures SQLite only.</summary>
    public static BareRow[] BareRows(ReadOnlyMemory<byte>[] objects) =>
        objects.Select(o =>
        {
            using var document = JsonDocument.Parse(o);
            var root = document.RootElement;
            return new BareRow(root.GetProperty("id").GetString()!, root.GetProperty("type").GetString()!, root.GetProperty("modified").GetString()!, o.ToArray());
        }).ToArray();

    /// <summary>
    /// The bare ingest, doing the durable work the node does per TAXII POST of 1,000 objects: one transaction per batch
    /// of <see cref="Batch"/>, committed with fsync, one prepared insert of the five columns per object. No parsing, no
    /// validation, no version bookkeeping, no secondary index.
    /// </summary>
    public static void BulkInsert(SqliteConnection connection, BareRow[] rows)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO bare (date_added, id, type, version, json) VALUES (@d, @id, @type, @version, @json);";
        var dateAdded = insert.Parameters.Add("@d", SqliteType.Integer);
        var id = insert.Parameters.Add("@id", SqliteType.Text);
        var type = insert.Parameters.Add("@type", SqliteType.Text);
        var version = insert.Parameters.Add("@version", SqliteType.Text);
        var json = insert.Parameters.Add("@json", SqliteType.Blob);
        insert.Prepare();
        var next = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        for (var start = 0; start < rows.Length; start += Batch)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            foreach (var row in rows.AsSpan(start, Math.Min(Batch, rows.Length - start)))
            {
                dateAdded.Value = next++;
                id.Value = row.Id;
                type.Value = row.Type;
                version.Value = row.Version;
                json.Value = row.Json;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>The bare read's statement: keyset paging over the date added (the rowid), 1,000 rows a page.</summary>
    public static SqliteCommand PrepareBareSelect(SqliteConnection connection)
    {
        var select = connection.CreateCommand();
        select.CommandText = "SELECT date_added, json FROM bare WHERE date_added > @last ORDER BY date_added LIMIT 1000;";
        select.Parameters.Add("@last", SqliteType.Integer);
        select.Prepare();
        return select;
    }

    /// <summary>
    /// The bare read: pages of the <see cref="PrepareBareSelect"/> statement until one is short, reading each object's date
    /// added (the next page's position) and its JSON as bytes: what a TAXII page needs, with no filter and no envelope.
    /// </summary>
    public static int BareReadAll(SqliteCommand select)
    {
        var read = 0;
        var last = 0L;
        while (true)
        {
            select.Parameters[0].Value = last;
            var page = 0;
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    last = reader.GetInt64(0);
                    read += reader.GetFieldValue<byte[]>(1).Length > 0 ? 1 : 0;
                    page++;
                }
            }

            if (page < 1000)
            {
                return read;
            }
        }
    }

    public static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>One row of the bare table: the columns a minimal TAXII collection stores besides the date added.</summary>
internal sealed record BareRow(string Id, string Type, string Version, byte[] Json);

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
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

    /// <summary>A bare table with the same durability settings as the store: WAL and synchronous=FULL.</summary>
    public static SqliteConnection OpenBare(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE IF NOT EXISTS bare (id INTEGER PRIMARY KEY, body BLOB NOT NULL);";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>The bare ingest: every object in one transaction through one prepared insert.</summary>
    public static void BulkInsert(SqliteConnection connection, ReadOnlyMemory<byte>[] objects)
    {
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO bare (body) VALUES (@body);";
        var body = insert.Parameters.Add("@body", SqliteType.Blob);
        insert.Prepare();
        foreach (var item in objects)
        {
            body.Value = item.ToArray();
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The bare read: keyset paging over the rowid with the prepared <c>select</c> (parameter: the last rowid; limit 1,000), reading each body as bytes.</summary>
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

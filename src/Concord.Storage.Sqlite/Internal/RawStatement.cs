// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Concord.Storage.Sqlite.Internal;

/// <summary>
/// A statement prepared on a session's connection and driven through SQLite's C API: parameters bound by position,
/// blobs bound from and read into spans. The object insert and the object page read run once per row, where
/// Microsoft.Data.Sqlite's per-execution work (a parameter lookup by name, a reader and a byte array per blob)
/// cost more than SQLite's own.
/// </summary>
/// <remarks>Used by one thread at a time, like its <see cref="Session"/>; runs in the connection's current transaction.</remarks>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, sql, out statement));
    }

    /// <summary>Binds parameter <paramref name="index"/> (1-based).</summary>
    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(statement, index, value));

    /// <inheritdoc cref="Bind(int, long)"/>
    public void Bind(int index, string value) => Check(raw.sqlite3_bind_text(statement, index, value));

    /// <summary>Binds a blob parameter; SQLite copies the bytes.</summary>
    public void BindBlob(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(statement, index, value));

    /// <summary>Binds a long or string value (the values of a <see cref="QueryBuilder"/>).</summary>
    public void Bind(int index, object value)
    {
        switch (value)
        {
            case long number:
                Bind(index, number);
                break;
            case string text:
                Bind(index, text);
                break;
            default:
                throw new ArgumentException($"Parameter {index} is a {value.GetType().Name}; only integers and text are bound.", nameof(value));
        }
    }

    /// <summary>Steps once: true when a row is ready, false when the statement is done.</summary>
    /// <exception cref="SqliteException">SQLite reported an error.</exception>
    public bool Step()
    {
        var result = raw.sqlite3_step(statement);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        if (result == raw.SQLITE_DONE)
        {
            return false;
        }

        // Reset first, so that a failed read does not keep its snapshot; the connection keeps the error message.
        Reset();
        SqliteException.ThrowExceptionForRC(result, db);
        return false;
    }

    public long Int64(int column) => raw.sqlite3_column_int64(statement, column);

    /// <summary>The blob of the current row, valid until the next step or reset.</summary>
    public ReadOnlySpan<byte> Blob(int column) => raw.sqlite3_column_blob(statement, column);

    /// <summary>Ends the current execution (releasing a read snapshot) and clears the bindings.</summary>
    public void Reset()
    {
        raw.sqlite3_reset(statement);
        raw.sqlite3_clear_bindings(statement);
    }

    public void Dispose() => statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, db);
        }
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Concord.Storage.Sqlite.Internal;

/// <summary>
/// A statement prepared on a session's connection and driven through SQLite's C API: parameters bound by position,
/// blobs bound from and read into spans. The object insert and the object page read run once per row, where
/// Microsoft.Data.Sqlite's per-execution work (a parameter lookup by name, a reader and a byte array per blob)
/// cost more than SQLite's own.
/// </summary>
/// <remarks>
/// <para>Stepping and reading columns call the SQLite library that SQLitePCLRaw loaded with the statement's raw pointer:
/// SQLitePCLRaw passes its safe handle, whose reference count costs two atomic operations per call, and a page of 1,000
/// rows read with its ids makes about 15,000 such calls. The safe handle still owns the statement; this class disposes it.</para>
/// <para>Used by one thread at a time, like its <see cref="Session"/>; runs in the connection's current transaction.</para>
/// </remarks>
internal sealed partial class RawStatement : IDisposable
{
    private const string Library = "e_sqlite3";

    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private readonly nint handle;

    public RawStatement(SqliteConnection connection, string sql)
    {
        db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, sql, out statement));
        handle = statement.DangerousGetHandle();
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
        var result = Native.Step(handle);
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

    public long Int64(int column) => Native.ColumnInt64(handle, column);

    /// <summary>The blob of the current row, valid until the next step or reset.</summary>
    public unsafe ReadOnlySpan<byte> Blob(int column)
    {
        // sqlite3_column_bytes after sqlite3_column_blob, as SQLite's documentation orders them (no type conversion between).
        var bytes = Native.ColumnBlob(handle, column);
        return bytes == 0 ? [] : new ReadOnlySpan<byte>((void*)bytes, Native.ColumnBytes(handle, column));
    }

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

    /// <summary>The SQLite functions called per row, by the statement's raw pointer (see the remarks above).</summary>
    /// <remarks>
    /// The column functions skip the runtime's GC transition (about as costly as reading a small column): they read the row
    /// <c>sqlite3_step</c> loaded, at most also an overflow page of a large value from the connection's own page cache or
    /// file, never call back into the runtime and never wait for another thread (a connection is used by one thread at a
    /// time). Stepping does I/O and takes locks, so it keeps the transition.
    /// </remarks>
    private static partial class Native
    {
        [LibraryImport(Library, EntryPoint = "sqlite3_step")]
        public static partial int Step(nint statement);

        [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
        [SuppressGCTransition]
        public static partial long ColumnInt64(nint statement, int column);

        [LibraryImport(Library, EntryPoint = "sqlite3_column_blob")]
        [SuppressGCTransition]
        public static partial nint ColumnBlob(nint statement, int column);

        [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes")]
        [SuppressGCTransition]
        public static partial int ColumnBytes(nint statement, int column);
    }
}

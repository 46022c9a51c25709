// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
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
/// <para>Used by one thread at a time, like its <see cref="Session"/>; runs in the connection's current transaction.</para>
/// <para>The per-row calls (step, bind, column, reset) go to the same e_sqlite3 library as SQLitePCLRaw, with the
/// statement's pointer instead of its <see cref="SafeHandle"/>: the handle's reference counting on every call was
/// about a tenth of a GET page's samples (four calls per row) and more per insert (fourteen). The pointer stays valid
/// because this object holds the handle until <see cref="Dispose"/>, and a session is never disposed while in use.
/// Preparing, finalizing and error messages still go through SQLitePCLRaw.</para>
/// </remarks>
internal sealed partial class RawStatement : IDisposable
{
    private const string Library = "e_sqlite3";

    // Strings up to this many UTF-8 bytes are encoded on the stack to be bound; longer ones in a pooled buffer.
    private const int StackTextBytes = 512;

    // SQLITE_TRANSIENT: SQLite copies the bound bytes before the call returns, so the caller's buffer may be reused.
    private static readonly nint Transient = -1;

    // SQLitePCLRaw is initialized once per process (before the first connection, which every statement needs).
    private static readonly bool OnLibrary = string.Equals(raw.GetNativeLibraryName(), Library, StringComparison.Ordinal);

    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private readonly nint handle;

    public RawStatement(SqliteConnection connection, string sql)
    {
        // The direct calls below are only valid on statements of the library SQLitePCLRaw was initialized with.
        if (!OnLibrary)
        {
            throw new InvalidOperationException($"SQLitePCLRaw runs on the native library '{raw.GetNativeLibraryName()}'; the store calls '{Library}' directly and needs SQLitePCLRaw on the same one.");
        }

        db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, sql, out statement));
        handle = statement.DangerousGetHandle();
    }

    /// <summary>Binds parameter <paramref name="index"/> (1-based).</summary>
    public void Bind(int index, long value) => Check(BindInt64(handle, index, value));

    /// <inheritdoc cref="Bind(int, long)"/>
    public void Bind(int index, string value)
    {
        var length = Encoding.UTF8.GetMaxByteCount(value.Length) <= StackTextBytes ? 0 : Encoding.UTF8.GetByteCount(value);
        byte[]? rented = length > 0 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            var buffer = rented ?? stackalloc byte[StackTextBytes];
            var written = Encoding.UTF8.GetBytes(value, buffer);
            BindUtf8(index, buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Binds a blob parameter; SQLite copies the bytes.</summary>
    public void BindBlob(int index, ReadOnlySpan<byte> value) => Check(BindBlob(handle, index, ref MemoryMarshal.GetReference(value.IsEmpty ? [0] : value), value.Length, Transient));

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
        var result = Step(handle);
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

    public long Int64(int column) => ColumnInt64(handle, column);

    /// <summary>The blob of the current row, valid until the next step or reset.</summary>
    public unsafe ReadOnlySpan<byte> Blob(int column)
    {
        // The pointer first, then the length, as SQLite documents (asking for the length first could convert the value).
        var bytes = ColumnBlob(handle, column);
        var length = ColumnBytes(handle, column);
        return bytes == 0 ? [] : new ReadOnlySpan<byte>((void*)bytes, length);
    }

    /// <summary>Ends the current execution (releasing a read snapshot) and clears the bindings.</summary>
    public void Reset()
    {
        _ = Reset(handle);
        _ = ClearBindings(handle);
    }

    public void Dispose() => statement.Dispose();

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    private static partial int Step(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_reset")]
    private static partial int Reset(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_clear_bindings")]
    private static partial int ClearBindings(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_int64")]
    private static partial int BindInt64(nint statement, int index, long value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_blob")]
    private static partial int BindBlob(nint statement, int index, ref byte value, int length, nint destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_text")]
    private static partial int BindText(nint statement, int index, ref byte value, int length, nint destructor);

    // The column functions skip the runtime's GC transition (about as costly as reading a small column): they read the row
    // sqlite3_step loaded, at most also an overflow page of a large value from the connection's own page cache or file,
    // never call back into the runtime and never wait for another thread (a connection is used by one thread at a time).
    // Stepping and binding keep the transition.
    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
    [SuppressGCTransition]
    private static partial long ColumnInt64(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_blob")]
    [SuppressGCTransition]
    private static partial nint ColumnBlob(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes")]
    [SuppressGCTransition]
    private static partial int ColumnBytes(nint statement, int column);

    private void BindUtf8(int index, ReadOnlySpan<byte> value) =>
        Check(BindText(handle, index, ref MemoryMarshal.GetReference(value.IsEmpty ? [0] : value), value.Length, Transient));

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, db);
        }
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite.Internal;

/// <summary>
/// One open connection with its prepared commands, used by one thread at a time (the writer under the
/// write lock, a reader while rented from the pool).
/// </summary>
internal sealed class Session : IDisposable
{
    // Commands whose SQL depends on list lengths are cached up to this many shapes; beyond, they are
    // prepared, used once and disposed, so hostile query values cannot grow memory without bound.
    private const int MaxCachedCommands = 256;

    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RawStatement> statements = new(StringComparer.Ordinal);

    public Session(string connectionString, bool readOnly)
    {
        Connection = new SqliteConnection(connectionString);
        Connection.Open();
        Execute("PRAGMA busy_timeout = 30000;");
        Execute("PRAGMA synchronous = FULL;");
        Execute("PRAGMA foreign_keys = ON;");

        // 64 MiB of page cache per connection: index pages of a busy collection stay in memory between batches.
        Execute("PRAGMA cache_size = -65536;");
        if (readOnly)
        {
            Execute("PRAGMA query_only = ON;");
        }
    }

    public SqliteConnection Connection { get; }

    public SqliteTransaction? Transaction { get; set; }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Gets the prepared command for <paramref name="sql"/>, creating it with the named parameters on first use.</summary>
    /// <param name="sql">The SQL text.</param>
    /// <param name="parameters">The parameter names the text uses.</param>
    /// <param name="owned">True when the caller must dispose the command (it was not cached).</param>
    public SqliteCommand Command(string sql, IEnumerable<string> parameters, out bool owned)
    {
        if (commands.TryGetValue(sql, out var cached))
        {
            cached.Transaction = Transaction;
            owned = false;
            return cached;
        }

        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Transaction = Transaction;
        command.Prepare();
        owned = commands.Count >= MaxCachedCommands;
        if (!owned)
        {
            commands.Add(sql, command);
        }

        return command;
    }

    /// <summary>Gets a cached prepared command with a fixed parameter list.</summary>
    /// <param name="sql">The SQL text.</param>
    /// <param name="parameters">The parameter names.</param>
    public SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = Command(sql, parameters, out var owned);
        if (owned)
        {
            // Fixed statements are few; caching them never overflows, but keep the invariant explicit.
            commands[sql] = command;
        }

        return command;
    }

    /// <summary>Gets the raw statement for <paramref name="sql"/>, prepared on first use (see <see cref="Command(string, IEnumerable{string}, out bool)"/> for <paramref name="owned"/>).</summary>
    /// <param name="sql">The SQL text, with positional parameters.</param>
    /// <param name="owned">True when the caller must dispose the statement (it was not cached).</param>
    public RawStatement Statement(string sql, out bool owned)
    {
        if (statements.TryGetValue(sql, out var cached))
        {
            owned = false;
            return cached;
        }

        var statement = new RawStatement(Connection, sql);
        owned = statements.Count >= MaxCachedCommands;
        if (!owned)
        {
            statements.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>Gets a cached raw statement with fixed text.</summary>
    /// <param name="sql">The SQL text, with positional parameters.</param>
    public RawStatement Statement(string sql)
    {
        var statement = Statement(sql, out var owned);
        if (owned)
        {
            // Fixed statements are few; caching them never overflows, but keep the invariant explicit.
            statements[sql] = statement;
        }

        return statement;
    }

    public void Dispose()
    {
        foreach (var statement in statements.Values)
        {
            statement.Dispose();
        }

        statements.Clear();
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        commands.Clear();
        Connection.Dispose();
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using Concord.Storage.Internal;
using Concord.Storage.Objects;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite.Internal;

/// <summary>
/// Builds the SQL of an object query. The text depends only on the shape of the query (which filters,
/// how many values), so it is prepared once per shape and cached per connection; values are parameters.
/// </summary>
/// <remarks>
/// Query plans (checked with <c>EXPLAIN QUERY PLAN</c>): without <c>match[id]</c> a query is a range scan of
/// <c>ix_objects_all</c> (collection, rowid) or, for one <c>match[type]</c>, of <c>ix_objects_type</c> (collection, type, rowid);
/// the rowid is the date added, so the position filter and the order come from the index and the version flags are
/// checked on the row. <c>match[id]</c> names the unique (collection, id, version) index: the planner would otherwise
/// prefer the ordered scan of the whole collection to a lookup of the few versions followed by a small sort.
/// </remarks>
internal sealed class QueryBuilder
{
    private readonly StringBuilder sql = new();
    private readonly List<string> names = [];
    private readonly List<object> values = [];

    public enum SpecMode
    {
        /// <summary>Only the latest spec version of each object (the TAXII default).</summary>
        Latest,

        /// <summary>Any spec version.</summary>
        Any,

        /// <summary>The listed spec versions.</summary>
        Listed,
    }

    public static QueryBuilder ForObjects(string columns, long collection, long after, IReadOnlyList<string>? ids, IReadOnlyList<string>? types, VersionFilter? versions, SpecMode mode, IReadOnlyList<string>? specVersions, long? limit)
    {
        var builder = new QueryBuilder();
        var b = builder.sql;
        b.Append("SELECT ").Append(columns).Append(ids is { Count: > 0 } ? " FROM objects o INDEXED BY ux_objects_version" : " FROM objects o").Append(" WHERE o.collection = ");
        builder.Parameter(collection);
        b.Append(" AND o.date_added > ");
        builder.Parameter(after);
        if (ids is { Count: > 0 })
        {
            b.Append(" AND o.object_id");
            builder.In(ids);
        }

        if (types is { Count: > 0 })
        {
            b.Append(" AND o.type");
            builder.In(types);
        }

        builder.VersionPredicate(versions, mode, specVersions);
        b.Append(" ORDER BY o.date_added");
        if (limit is { } count)
        {
            b.Append(" LIMIT ");
            builder.Parameter(count);
        }

        b.Append(';');
        return builder;
    }

    public SqliteCommand Prepare(Session session, out bool owned)
    {
        var command = session.Command(sql.ToString(), names, out owned);
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command;
    }

    /// <summary>The raw statement for this query's text with its values bound (the caller resets it, and disposes it when <paramref name="owned"/>).</summary>
    public RawStatement PrepareRaw(Session session, out bool owned)
    {
        var statement = session.Statement(sql.ToString(), out owned);
        for (var i = 0; i < values.Count; i++)
        {
            statement.Bind(i + 1, values[i]);
        }

        return statement;
    }

    private void VersionPredicate(VersionFilter? versions, SpecMode mode, IReadOnlyList<string>? specVersions)
    {
        var b = sql;
        if (mode == SpecMode.Listed)
        {
            b.Append(" AND o.spec_version");
            In(specVersions!);
        }

        if (versions is null || versions.All)
        {
            if (mode == SpecMode.Latest)
            {
                b.Append(" AND o.latest_spec = 1");
            }

            return;
        }

        if (mode == SpecMode.Latest && versions.Last && !versions.First && versions.Versions.Count == 0)
        {
            // The hot path: exactly the shape of the partial indexes.
            b.Append(" AND o.is_last = 1");
            return;
        }

        b.Append(" AND (");
        var first = true;
        void Or()
        {
            if (!first)
            {
                b.Append(" OR ");
            }

            first = false;
        }

        foreach (var (wanted, flag, aggregate) in new[] { (versions.First, "is_first", "MIN"), (versions.Last, "is_last", "MAX") })
        {
            if (!wanted)
            {
                continue;
            }

            Or();
            if (mode == SpecMode.Latest)
            {
                b.Append("o.").Append(flag).Append(" = 1");
            }
            else
            {
                b.Append("o.version_key = (SELECT ").Append(aggregate).Append("(x.version_key) FROM objects x WHERE x.collection = o.collection AND x.object_id = o.object_id");
                if (mode == SpecMode.Listed)
                {
                    b.Append(" AND x.spec_version");
                    In(specVersions!);
                }

                b.Append(')');
            }
        }

        if (versions.Versions.Count > 0)
        {
            Or();
            b.Append('(');
            b.Append(mode == SpecMode.Latest ? "o.latest_spec = 1 AND " : string.Empty);
            b.Append("o.version_key");
            In(versions.Versions.Select(VersionKey.Of).ToArray());
            b.Append(')');
        }

        b.Append(')');
    }

    private void In(IReadOnlyList<string> list)
    {
        if (list.Count == 1)
        {
            sql.Append(" = ");
            Parameter(list[0]);
            return;
        }

        sql.Append(" IN (");
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(", ");
            }

            Parameter(list[i]);
        }

        sql.Append(')');
    }

    private void Parameter(object value)
    {
        var name = "@p" + names.Count.ToString(CultureInfo.InvariantCulture);
        names.Add(name);
        values.Add(value);
        sql.Append(name);
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using Concord.Storage.Internal;
using Concord.Storage.Objects;
using Npgsql;

namespace Concord.Storage.Postgres.Internal;

/// <summary>
/// The SQL of an object query. Lists are array parameters (<c>= ANY($n)</c>), so the text depends only on which
/// filters are present and is auto-prepared once per shape and connection.
/// </summary>
/// <remarks>
/// The default query (latest version, latest spec version) is a range scan of the partial index on <c>is_last</c>;
/// <c>match[type]</c> reads the (collection, type, date_added) indexes, <c>match[id]</c> the unique version index.
/// </remarks>
internal sealed class ObjectSql
{
    private readonly StringBuilder sql = new();
    private readonly List<object> values = [];

    private ObjectSql()
    {
    }

    /// <summary>
    /// Selects <c>columns</c> of the versions of collection <c>collection</c> added after <c>after</c>, in date-added order,
    /// with the filters of <see cref="ObjectQuery"/>. <c>latestSpecOnly</c>: whether, without a spec-version list, only each
    /// object's latest spec version counts (TAXII's default for reads; deletion looks at every spec version).
    /// </summary>
    public static ObjectSql Select(string columns, long collection, long after, IReadOnlyList<string>? ids, IReadOnlyList<string>? types, VersionFilter? versions, bool latestSpecOnly, IReadOnlyList<string>? specVersions, long? limit)
    {
        var query = new ObjectSql();
        query.sql.Append("SELECT ").Append(columns).Append(" FROM objects o WHERE o.collection = ").Append(query.Value(collection))
            .Append(" AND o.date_added > ").Append(query.Value(after));
        query.AnyOf("o.object_id", ids);
        query.AnyOf("o.type", types);
        var listed = specVersions is { Count: > 0 } ? specVersions : null;
        query.AnyOf("o.spec_version", listed);
        query.Versions(versions, latestSpecOnly && listed is null, listed);
        query.sql.Append(" ORDER BY o.date_added");
        if (limit is { } count)
        {
            query.sql.Append(" LIMIT ").Append(query.Value(count));
        }

        return query;
    }

    public NpgsqlCommand Command(NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(sql.ToString(), connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private void Versions(VersionFilter? versions, bool latestSpec, IReadOnlyList<string>? listed)
    {
        if (versions is null || versions.All)
        {
            sql.Append(latestSpec ? " AND o.latest_spec" : string.Empty);
            return;
        }

        // With the latest spec version only, the stored flags answer first and last; with a spec-version list, the
        // earliest and latest among the listed spec versions are computed per object.
        var terms = new List<string>();
        foreach (var (wanted, flag, aggregate) in new[] { (versions.First, "o.is_first", "MIN"), (versions.Last, "o.is_last", "MAX") })
        {
            if (!wanted)
            {
                continue;
            }

            if (latestSpec)
            {
                terms.Add(flag);
                continue;
            }

            var among = listed is null ? string.Empty : " AND x.spec_version = ANY(" + Value(listed.ToArray()) + ")";
            terms.Add($"o.version_key = (SELECT {aggregate}(x.version_key) FROM objects x WHERE x.collection = o.collection AND x.object_id = o.object_id{among})");
        }

        if (versions.Versions.Count > 0)
        {
            var keys = Value(versions.Versions.Select(VersionKey.Of).ToArray());
            terms.Add(latestSpec ? $"(o.latest_spec AND o.version_key = ANY({keys}))" : $"o.version_key = ANY({keys})");
        }

        sql.Append(" AND (").AppendJoin(" OR ", terms).Append(')');
    }

    private void AnyOf(string column, IReadOnlyList<string>? list)
    {
        if (list is { Count: > 0 })
        {
            sql.Append(" AND ").Append(column).Append(" = ANY(").Append(Value(list.ToArray())).Append(')');
        }
    }

    private string Value(object value)
    {
        values.Add(value);
        return "$" + values.Count.ToString(CultureInfo.InvariantCulture);
    }
}

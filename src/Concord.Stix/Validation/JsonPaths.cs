// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Validation;

/// <summary>Builds JSONPath strings (<c>$.a.b[0]</c>, with bracket notation for keys that are not plain names).</summary>
public static class JsonPaths
{
    /// <summary>The path of the document root.</summary>
    public const string Root = "$";

    /// <summary>Appends a property name.</summary>
    /// <param name="path">The parent path.</param>
    /// <param name="name">The property name or dictionary key.</param>
    public static string Property(string path, string name) =>
        IsPlainName(name) ? $"{path}.{name}" : $"{path}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>Appends a list index.</summary>
    /// <param name="path">The parent path.</param>
    /// <param name="index">The zero-based index.</param>
    public static string Index(string path, int index) => $"{path}[{index}]";

    /// <summary>Appends a relative path written with dots and brackets (e.g. <c>hashes.MD5</c> or <c>objects[2]</c>).</summary>
    /// <param name="path">The parent path.</param>
    /// <param name="relative">The relative path; empty for the parent itself.</param>
    public static string Append(string path, string relative) =>
        relative.Length == 0 ? path : relative[0] == '[' ? path + relative : $"{path}.{relative}";

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Schema;

/// <summary>
/// The object types an identifier reference may point to (section 3.3: "Some ID references may be
/// restricted to a subset of object types").
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ReferenceTargets
{
    // A handful of names at most: a linear scan beats hashing, and the UTF-8 copies let raw JSON be checked without decoding.
    private readonly string[] types;
    private readonly byte[][] utf8Types;
    private readonly ObjectCategory categories;

    private ReferenceTargets(IEnumerable<string> types, ObjectCategory categories)
    {
        this.types = [.. types.Distinct(StringComparer.Ordinal)];
        utf8Types = [.. this.types.Select(t => System.Text.Encoding.UTF8.GetBytes(t))];
        this.categories = categories;
    }

    /// <summary>Any STIX object.</summary>
    public static ReferenceTargets Any { get; } = new([], ObjectCategory.Any);

    /// <summary>Only the named types.</summary>
    /// <param name="types">The allowed type names.</param>
    public static ReferenceTargets Types(params string[] types) => new(types, ObjectCategory.None);

    /// <summary>Any object of the given categories, plus the named types.</summary>
    /// <param name="categories">The allowed categories.</param>
    /// <param name="types">Further allowed type names.</param>
    public static ReferenceTargets Categories(ObjectCategory categories, params string[] types) => new(types, categories);

    /// <summary>Whether an identifier whose type prefix is <paramref name="type"/> may be referenced.</summary>
    /// <param name="type">The type prefix of the identifier.</param>
    public bool Allows(string type) => Allows(type.AsSpan());

    /// <summary>Whether an identifier whose type prefix is <paramref name="type"/> may be referenced.</summary>
    /// <param name="type">The type prefix of the identifier.</param>
    public bool Allows(ReadOnlySpan<char> type)
    {
        if (categories == ObjectCategory.Any)
        {
            return true;
        }

        foreach (var name in types)
        {
            if (type.SequenceEqual(name))
            {
                return true;
            }
        }

        if (categories == ObjectCategory.None)
        {
            return false;
        }

        // A type the specification does not define is a custom object (section 11.2) or a type
        // defined by an extension-definition (section 7.3): its category cannot be known from the
        // identifier alone, so a reference restricted by category accepts it (e.g. ATT&CK's
        // relationships from x-mitre-data-component objects).
        var category = StixSchemas.CategoryOf(type);
        return category == ObjectCategory.None || (categories & category) != 0;
    }

    /// <summary>Whether an identifier whose type prefix is the UTF-8 <paramref name="type"/> may be referenced.</summary>
    /// <param name="type">The type prefix of the identifier, as UTF-8.</param>
    internal bool Allows(ReadOnlySpan<byte> type)
    {
        if (categories == ObjectCategory.Any)
        {
            return true;
        }

        foreach (var name in utf8Types)
        {
            if (type.SequenceEqual(name))
            {
                return true;
            }
        }

        if (categories == ObjectCategory.None || type.Length > 250)
        {
            return false;
        }

        Span<char> chars = stackalloc char[type.Length];
        var length = System.Text.Encoding.UTF8.GetChars(type, chars);
        return Allows(chars[..length]);
    }

    /// <summary>Describes the allowed targets for messages.</summary>
    public string Describe()
    {
        if (categories == ObjectCategory.Any)
        {
            return "any STIX object";
        }

        var parts = new List<string>();
        if ((categories & ObjectCategory.Domain) != 0)
        {
            parts.Add("an SDO");
        }

        if ((categories & ObjectCategory.Relationship) != 0)
        {
            parts.Add("an SRO");
        }

        if ((categories & ObjectCategory.Observable) != 0)
        {
            parts.Add("an SCO");
        }

        if ((categories & ObjectCategory.Meta) != 0)
        {
            parts.Add("a meta object");
        }

        parts.AddRange(types.Order(StringComparer.Ordinal));
        return string.Join(" or ", parts);
    }
}

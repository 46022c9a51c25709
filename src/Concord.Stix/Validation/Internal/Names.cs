// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Validation.Internal;

/// <summary>The naming rules of sections 2.3, 2.7, 3.1, 7.3.2, 11.1.1, 11.2.1 and 11.3.1.</summary>
internal static class Names
{
    /// <summary>Type names: 3-250 of a-z, 0-9 and hyphen, starting with a letter, no "--" (3.1, 11.2.1).</summary>
    public static bool IsValidTypeName(string name)
    {
        if (name.Length is < 3 or > 250 || !char.IsAsciiLetterLower(name[0]) || name[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || (c == '-' && name[i - 1] == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Custom and extension property names: 3-250 of a-z, 0-9 and underscore, starting with a letter (3.1, 11.1.1, 7.3.2).</summary>
    public static bool IsValidPropertyName(ReadOnlySpan<char> name)
    {
        if (name.Length is < 3 or > 250 || !char.IsAsciiLetterLower(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Dictionary keys: 1-250 ASCII of a-z, A-Z, 0-9, hyphen, underscore (2.3).</summary>
    public static bool IsValidDictionaryKey(string key) => IsKeyOfLength(key, 1);

    /// <summary>Hash algorithm names: 3-250 ASCII of a-z, A-Z, 0-9, hyphen, underscore (2.7).</summary>
    public static bool IsValidHashKey(string key) => IsKeyOfLength(key, 3);

    /// <summary>Deprecated custom extension names: 3-250 of a-z, 0-9 and hyphen, ending in -ext (11.3.1).</summary>
    public static bool IsValidCustomExtensionName(string name)
    {
        if (name.Length is < 3 or > 250 || !name.EndsWith("-ext", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a vocabulary term follows the advice of section 2.14 (lowercase, hyphens).</summary>
    public static bool IsConventionalTerm(ReadOnlySpan<char> term)
    {
        foreach (var c in term)
        {
            if (char.IsUpper(c) || c is ' ' or '_')
            {
                return false;
            }
        }

        return term.Length > 0;
    }

    /// <summary>Lowercase hex, even number of digits (2.8).</summary>
    public static bool IsHex(string value)
    {
        if (value.Length % 2 != 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsKeyOfLength(string key, int minimum)
    {
        if (key.Length < minimum || key.Length > 250)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}

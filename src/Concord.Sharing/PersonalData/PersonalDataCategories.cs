// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics.CodeAnalysis;
using Concord.Storage.Sharing;

namespace Concord.Sharing.PersonalData;

/// <summary>The wire names of <see cref="PersonalDataCategory"/>: <c>individual</c>, <c>email-address</c>, <c>user-account</c>, <c>phone-number</c>.</summary>
/// <remarks>Thread-safe.</remarks>
public static class PersonalDataCategories
{
    private static readonly string[] Names = ["individual", "email-address", "user-account", "phone-number"];

    /// <summary>Every wire name, in the order of the enumeration.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The wire name of a category.</summary>
    /// <param name="category">The category.</param>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined category.</exception>
    public static string ToName(this PersonalDataCategory category) =>
        (uint)category < (uint)Names.Length ? Names[(int)category] : throw new ArgumentOutOfRangeException(nameof(category), category, "Not a personal-data category.");

    /// <summary>The category with this wire name (compared ordinally).</summary>
    /// <param name="name">The name.</param>
    /// <param name="category">The category when found.</param>
    public static bool TryParse(string? name, [NotNullWhen(true)] out PersonalDataCategory? category)
    {
        var index = Array.IndexOf(Names, name);
        category = index < 0 ? null : (PersonalDataCategory)index;
        return index >= 0;
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Model.Meta;

/// <summary>
/// The standard TLP marking-definition ids: the four TLP 1.0 ones of section 7.2.1.4 and the five
/// TLP 2.0 ones published by OASIS with the TLP 2.0 extension-definition
/// (<see cref="Tlp2ExtensionDefinitionId"/>). TLP is recognised by id only: section 7.2.1.4 forbids
/// any other TLP marking-definition instance, so content merely claiming a TLP level is not trusted.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class TlpMarkings
{
    /// <summary>The id of the OASIS TLP 2.0 extension-definition that TLP 2.0 marking-definitions use.</summary>
    public const string Tlp2ExtensionDefinitionId = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    /// <summary>The property of the TLP 2.0 extension that holds the level, e.g. <c>amber+strict</c>.</summary>
    public const string Tlp2PropertyName = "tlp_2_0";

    /// <summary>TLP 1.0 TLP:WHITE (section 7.2.1.4).</summary>
    public const string Tlp1WhiteId = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";

    /// <summary>TLP 1.0 TLP:GREEN (section 7.2.1.4).</summary>
    public const string Tlp1GreenId = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";

    /// <summary>TLP 1.0 TLP:AMBER (section 7.2.1.4).</summary>
    public const string Tlp1AmberId = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";

    /// <summary>TLP 1.0 TLP:RED (section 7.2.1.4).</summary>
    public const string Tlp1RedId = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";

    /// <summary>TLP 2.0 TLP:CLEAR.</summary>
    public const string ClearId = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";

    /// <summary>TLP 2.0 TLP:GREEN.</summary>
    public const string GreenId = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";

    /// <summary>TLP 2.0 TLP:AMBER.</summary>
    public const string AmberId = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";

    /// <summary>TLP 2.0 TLP:AMBER+STRICT.</summary>
    public const string AmberStrictId = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";

    /// <summary>TLP 2.0 TLP:RED.</summary>
    public const string RedId = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";

    /// <summary>The level of a standard TLP 1.0 or TLP 2.0 marking-definition id.</summary>
    /// <param name="markingDefinitionId">The marking-definition id (compared exactly, as STIX ids are written lowercase).</param>
    /// <returns>The level, or null when the id is not one of the nine standard TLP ids.</returns>
    public static TlpLevel? LevelOf(string? markingDefinitionId) => markingDefinitionId switch
    {
        Tlp1WhiteId or ClearId => TlpLevel.Clear,
        Tlp1GreenId or GreenId => TlpLevel.Green,
        Tlp1AmberId or AmberId => TlpLevel.Amber,
        AmberStrictId => TlpLevel.AmberStrict,
        Tlp1RedId or RedId => TlpLevel.Red,
        _ => null,
    };

    /// <summary>Whether the id is one of the four TLP 1.0 marking-definitions of section 7.2.1.4.</summary>
    /// <param name="markingDefinitionId">The marking-definition id.</param>
    public static bool IsTlp1(string? markingDefinitionId) =>
        markingDefinitionId is Tlp1WhiteId or Tlp1GreenId or Tlp1AmberId or Tlp1RedId;

    /// <summary>Whether the id is one of the five TLP 2.0 marking-definitions.</summary>
    /// <param name="markingDefinitionId">The marking-definition id.</param>
    public static bool IsTlp2(string? markingDefinitionId) =>
        markingDefinitionId is ClearId or GreenId or AmberId or AmberStrictId or RedId;

    /// <summary>The TLP 2.0 marking-definition id of a level, the one new content should reference.</summary>
    /// <param name="level">The level.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined level.</exception>
    public static string Tlp2IdOf(TlpLevel level) => level switch
    {
        TlpLevel.Clear => ClearId,
        TlpLevel.Green => GreenId,
        TlpLevel.Amber => AmberId,
        TlpLevel.AmberStrict => AmberStrictId,
        TlpLevel.Red => RedId,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a TLP level."),
    };

    /// <summary>The name a TLP 2.0 marking-definition carries, e.g. <c>TLP:AMBER+STRICT</c>.</summary>
    /// <param name="level">The level.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined level.</exception>
    public static string Tlp2NameOf(TlpLevel level) => level switch
    {
        TlpLevel.Clear => "TLP:CLEAR",
        TlpLevel.Green => "TLP:GREEN",
        TlpLevel.Amber => "TLP:AMBER",
        TlpLevel.AmberStrict => "TLP:AMBER+STRICT",
        TlpLevel.Red => "TLP:RED",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a TLP level."),
    };

    /// <summary>The most restrictive TLP level among marking-definition ids (e.g. an object's <c>object_marking_refs</c>).</summary>
    /// <param name="markingDefinitionIds">The ids; those that are not standard TLP ids are ignored.</param>
    /// <returns>The most restrictive level, or null when no id is a TLP marking.</returns>
    public static TlpLevel? MostRestrictive(IEnumerable<string> markingDefinitionIds)
    {
        ArgumentNullException.ThrowIfNull(markingDefinitionIds);
        TlpLevel? result = null;
        foreach (var id in markingDefinitionIds)
        {
            if (LevelOf(id) is { } level && (result is null || level > result))
            {
                result = level;
            }
        }

        return result;
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text.Json;

namespace Concord.Stix.Validation.Internal;

/// <summary>
/// Resolution of granular-marking selectors (section 7.2.3.1): a selector is a path of property
/// names, list indices and dictionary keys separated by dots, e.g. <c>kill_chain_phases.[0].phase_name</c>.
/// </summary>
internal static class GranularSelectors
{
    /// <summary>Whether the selector refers to something present in the object.</summary>
    public static bool Resolves(JsonElement root, string selector)
    {
        if (selector.Length == 0)
        {
            return false;
        }

        var current = root;
        foreach (var step in selector.Split('.'))
        {
            if (step.Length >= 3 && step[0] == '[' && step[^1] == ']')
            {
                if (current.ValueKind != JsonValueKind.Array
                    || !int.TryParse(step.AsSpan(1, step.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    || index >= current.GetArrayLength())
                {
                    return false;
                }

                current = current[index];
            }
            else if (current.ValueKind != JsonValueKind.Object || step.Length == 0 || !current.TryGetProperty(step, out current))
            {
                return false;
            }
        }

        return true;
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;

namespace Concord.Sharing.Markings;

/// <summary>
/// A parsed granular-marking selector (STIX 2.1 section 7.2.3): property names or dictionary keys and zero-based list
/// indices, separated by dots, e.g. <c>kill_chain_phases.[0].phase_name</c>. The same form names the paths the policy
/// decision point redacts.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class GranularSelector : IEquatable<GranularSelector>
{
    private readonly SelectorStep[] steps;

    private GranularSelector(string text, SelectorStep[] steps)
    {
        Text = text;
        this.steps = steps;
    }

    /// <summary>The selector as STIX writes it.</summary>
    public string Text { get; }

    /// <summary>The steps, from the object's root.</summary>
    public IReadOnlyList<SelectorStep> Steps => steps;

    /// <summary>The first step's property name: the top-level property the selector lies in.</summary>
    public string TopLevelProperty => steps[0].Name!;

    /// <summary>The path in JSONPath form for people and the audit log, e.g. <c>$.kill_chain_phases[0].phase_name</c>.</summary>
    /// <remarks>Made once: every redaction a read records names its path.</remarks>
    public string JsonPath => field ??= FormatJsonPath(steps);

    /// <summary>Parses a selector; the first step must be a property name (the root is an object).</summary>
    /// <param name="text">The selector.</param>
    /// <param name="selector">The parsed selector when valid.</param>
    /// <returns>Whether <paramref name="text"/> follows the syntax of section 7.2.3.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GranularSelector? selector)
    {
        selector = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var parts = text.Split('.');
        var steps = new SelectorStep[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length >= 3 && part[0] == '[' && part[^1] == ']')
            {
                if (i == 0 || !int.TryParse(part.AsSpan(1, part.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return false;
                }

                steps[i] = new SelectorStep(null, index);
            }
            else if (part.Length == 0)
            {
                return false;
            }
            else
            {
                steps[i] = new SelectorStep(part, -1);
            }
        }

        selector = new GranularSelector(text, steps);
        return true;
    }

    /// <summary>Builds a selector from steps.</summary>
    /// <param name="steps">The steps; the first is a property name.</param>
    /// <exception cref="ArgumentException">There is no step, or the first is an index.</exception>
    public static GranularSelector Of(IReadOnlyList<SelectorStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0 || steps[0].Name is null)
        {
            throw new ArgumentException("A selector starts with a property name.", nameof(steps));
        }

        var text = string.Join('.', steps.Select(step => step.Name ?? "[" + step.Index.ToString(CultureInfo.InvariantCulture) + "]"));
        return new GranularSelector(text, [.. steps]);
    }

    /// <summary>Whether this selector is <paramref name="other"/> or lies inside what it selects.</summary>
    /// <param name="other">The possible ancestor.</param>
    public bool IsWithin(GranularSelector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.steps.Length > steps.Length)
        {
            return false;
        }

        for (var i = 0; i < other.steps.Length; i++)
        {
            if (steps[i] != other.steps[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(GranularSelector? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GranularSelector);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc />
    public override string ToString() => Text;

    private static string FormatJsonPath(SelectorStep[] steps)
    {
        var builder = new StringBuilder("$");
        foreach (var step in steps)
        {
            if (step.Name is { } name)
            {
                builder.Append('.').Append(name);
            }
            else
            {
                builder.Append('[').Append(step.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return builder.ToString();
    }
}

/// <summary>One step of a <see cref="GranularSelector"/>: a property name or dictionary key, or a list index.</summary>
/// <param name="Name">The property name or key; null for a list index.</param>
/// <param name="Index">The list index; -1 for a name.</param>
public readonly record struct SelectorStep(string? Name, int Index);

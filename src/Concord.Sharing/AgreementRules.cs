// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Sharing;

namespace Concord.Sharing;

/// <summary>The semantic rules of an <see cref="Agreement"/>, checked before it is recorded.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class AgreementRules
{
    /// <summary>Lists what is wrong with an agreement, each message naming the field and the rule.</summary>
    /// <param name="agreement">The agreement.</param>
    /// <returns>The problems; empty when the agreement is valid.</returns>
    public static IReadOnlyList<string> Check(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(agreement.Name))
        {
            problems.Add("name: an agreement has a name.");
        }

        if (agreement.Parties.Distinct().Count() < 2)
        {
            problems.Add("parties: an agreement has at least two distinct parties.");
        }

        if (agreement.Direction == AgreementDirection.OneWay && (agreement.Provider is not { } provider || !agreement.Parties.Contains(provider)))
        {
            problems.Add("provider: a one-way agreement names its provider, one of its parties.");
        }

        if (agreement.Direction == AgreementDirection.Mutual && agreement.Provider is not null)
        {
            problems.Add("provider: a mutual agreement has no provider; every party provides.");
        }

        if (agreement.TlpLevels.Count == 0)
        {
            problems.Add("tlp: an agreement covers at least one TLP level.");
        }

        foreach (var type in agreement.AllowedTypes.Intersect(agreement.ExcludedTypes, StringComparer.Ordinal))
        {
            problems.Add($"types: '{type}' is both allowed and excluded.");
        }

        foreach (var permission in agreement.PersonalData)
        {
            if (string.IsNullOrWhiteSpace(permission.LegalBasis))
            {
                problems.Add($"personal_data: '{PersonalData.PersonalDataCategories.ToName(permission.Category)}' needs a stated legal basis.");
            }
        }

        if (agreement.PersonalData.Select(permission => permission.Category).Distinct().Count() != agreement.PersonalData.Count)
        {
            problems.Add("personal_data: a category is listed more than once.");
        }

        if (agreement.Retention is { } retention && retention <= TimeSpan.Zero)
        {
            problems.Add("retention: a retention period is positive.");
        }

        if (agreement.ValidUntil is { } until && until <= agreement.ValidFrom)
        {
            problems.Add("valid_until: the end of the validity period comes after its start.");
        }

        return problems;
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Tests.Validation;

/// <summary>
/// Every rule's breaking cases. Common rules are in <c>RuleCases.Common.cs</c>, object-type
/// rules in <c>RuleCases.Objects.cs</c>; <see cref="RuleCatalogueTests"/> checks that every rule
/// of the catalogue has at least one case.
/// </summary>
internal static partial class RuleCases
{
    public static IEnumerable<RuleCase> All => Common().Concat(Objects()).Concat(Observables());
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Validation;

namespace Concord.Stix.Tests.Validation;

public sealed class RuleCatalogueTests
{
    private static readonly StixValidator Validator = new();

    public static TheoryData<RuleCase> Cases => [.. RuleCases.All];

    [Fact]
    public void Every_rule_of_the_catalogue_has_a_breaking_case()
    {
        var covered = RuleCases.All.Select(c => c.RuleId).ToHashSet();
        var uncovered = StixRules.All.Where(r => !covered.Contains(r.Id)).Select(r => r.Id).ToList();
        Assert.Empty(uncovered);
    }

    [Fact]
    public void Rule_ids_are_unique_and_kebab_case()
    {
        var ids = StixRules.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id));
    }

    [Fact]
    public void Every_case_names_a_rule_of_the_catalogue()
    {
        Assert.All(RuleCases.All, c => Assert.NotNull(StixRules.Find(c.RuleId)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_breaking_object_is_reported_with_the_rule_id_and_json_path(RuleCase rule)
    {
        using var document = JsonDocument.Parse(rule.Json);
        var report = (rule.Options is null ? Validator : new StixValidator(rule.Options)).Validate(document.RootElement);
        Assert.Contains(report.Findings, f => f.Rule.Id == rule.RuleId && f.Path == rule.ExpectedPath);
        var finding = report.Findings.First(f => f.Rule.Id == rule.RuleId && f.Path == rule.ExpectedPath);
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
        if (finding.Severity == Severity.Error)
        {
            Assert.False(report.IsValid);
        }
    }

    [Theory]
    [InlineData(RuleCases.Identity)]
    [InlineData(RuleCases.Ipv4)]
    public void The_base_objects_of_the_cases_are_valid_without_warnings(string json)
    {
        using var document = JsonDocument.Parse(json);
        var report = Validator.Validate(document.RootElement);
        Assert.Empty(report.Findings);
    }
}

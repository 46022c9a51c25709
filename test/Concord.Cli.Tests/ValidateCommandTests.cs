// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Testing;

namespace Concord.Cli.Tests;

public sealed class ValidateCommandTests
{
    private const string Indicator = """
        {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "created": "2016-04-06T20:03:48.000Z", "modified": "2016-04-06T20:03:48.000Z", "indicator_types": ["malicious-activity"],
         "name": "Poison Ivy Malware", "pattern": "[file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877']",
         "pattern_type": "stix", "valid_from": "2016-01-01T00:00:00Z"}
        """;

    [Fact]
    public void A_valid_object_exits_0_with_a_verdict()
    {
        using var file = new TempFile(Indicator);
        var run = CliRun.Of("validate", file.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("valid: 1 object, 0 errors", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_pattern_is_an_error_of_the_pattern_syntax_rule_with_its_position()
    {
        using var file = new TempFile(Indicator.Replace("= '4bac", "= 4bac", StringComparison.Ordinal));
        var run = CliRun.Of("validate", file.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error [pattern-syntax] $.pattern (indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f)", run.Out, StringComparison.Ordinal);
        Assert.Contains("column", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_exits_2_naming_file_line_and_column()
    {
        using var file = new TempFile("{\"type\": \"bundle\",\n  \"objects\": [\n    {\"type\": ]}");
        var run = CliRun.Of("validate", file.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{file.Path}:3:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var run = CliRun.Of("validate", "/nonexistent/concord.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_is_read_for_a_dash()
    {
        var run = CliRun.WithInput($"[{Indicator}]", "validate", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("-: valid: 1 object", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_lists_errors_with_rule_path_object_id_and_message()
    {
        using var file = new TempFile(Indicator.Replace("\"2016-04-06T20:03:48.000Z\", \"indicator_types\"", "\"2015-04-06T20:03:48.000Z\", \"indicator_types\"", StringComparison.Ordinal));
        var run = CliRun.Of("validate", "--json", file.Path);
        Assert.Equal(1, run.ExitCode);
        using var report = JsonDocument.Parse(run.Out);
        Assert.False(report.RootElement.GetProperty("valid").GetBoolean());
        var error = report.RootElement.GetProperty("files")[0].GetProperty("errors")[0];
        Assert.Equal("modified-before-created", error.GetProperty("rule").GetString());
        Assert.Equal("$.modified", error.GetProperty("path").GetString());
        Assert.Equal("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", error.GetProperty("object_id").GetString());
    }

    [Fact]
    public void Batch_writes_one_verdict_line_per_input_line_and_reports_unparsable_lines()
    {
        var bad = Indicator.Replace("\"stix\"", "\"stix\", \"confidence\": 200", StringComparison.Ordinal);
        var lines = string.Join('\n', $$"""{"id": "one", "object": {{Compact(Indicator)}}}""", $$"""{"id": "two", "object": {{Compact(bad)}}}""", "{not json");
        using var file = new TempFile(lines, ".jsonl");
        var run = CliRun.Of("validate", "--batch", file.Path);
        Assert.Equal(2, run.ExitCode);
        var verdicts = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, verdicts.Count);
        Assert.True(verdicts[0].GetProperty("valid").GetBoolean());
        Assert.False(verdicts[1].GetProperty("valid").GetBoolean());
        Assert.Equal("value-range", verdicts[1].GetProperty("errors")[0].GetProperty("rule").GetString());
        Assert.Equal("$.confidence", verdicts[1].GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Contains($"{file.Path}:3:", run.Error, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void Every_shared_bundle_validates_with_patterns_checked()
    {
        var files = SharedData.BundleFiles.Select(f => SharedData.PathOf("data", f)).ToArray();
        var run = CliRun.Of(["validate", .. files]);
        Assert.True(run.ExitCode == 0, run.Out);
        Assert.DoesNotContain("pattern-not-checked", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hundred_megabyte_bundle_on_standard_input_is_validated_in_a_stream()
    {
        using var generated = new GeneratedBundleStream(targetBytes: 100L * 1024 * 1024);
        var run = CliRun.WithInput(generated, "validate", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"valid: {generated.ObjectsWritten} objects, 0 errors", run.Out, StringComparison.Ordinal);
    }

    private static string Compact(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}

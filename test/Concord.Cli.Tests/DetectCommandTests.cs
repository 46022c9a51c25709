// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Cli.Tests;

public sealed class DetectCommandTests
{
    private const string Indicators = """
        {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
          {"type": "indicator", "spec_version": "2.1", "id": "indicator--00000000-0000-4000-8000-000000000001", "created": "2024-01-01T00:00:00Z", "modified": "2024-01-01T00:00:00Z",
           "pattern": "[domain-name:value = 'evil.example']", "pattern_type": "stix", "valid_from": "2020-01-01T00:00:00Z"},
          {"type": "indicator", "spec_version": "2.1", "id": "indicator--00000000-0000-4000-8000-000000000002", "created": "2024-01-01T00:00:00Z", "modified": "2024-01-01T00:00:00Z",
           "pattern": "[ipv4-addr:value ISSUBSET '198.51.100.0/24']", "pattern_type": "stix", "valid_from": "2020-01-01T00:00:00Z"}]}
        """;

    private const string Events = """
        {"event": "dns", "time": "2024-05-01T10:00:00Z", "query": "evil.example"}
        {"event": "dns", "time": "2024-05-01T10:00:05Z", "query": "evil.example"}
        {"event": "flow", "time": "2024-05-01T10:00:10Z", "src_ip": "10.0.0.1", "dst_ip": "198.51.100.7", "dst_port": 443}
        {"event": "http", "time": "2024-05-01T10:00:20Z", "url": "http://good.example/"}
        """;

    [Fact]
    public void Matches_become_a_bundle_of_sightings_per_indicator()
    {
        using var indicators = new TempFile(Indicators);
        using var events = new TempFile(Events, ".jsonl");
        var run = CliRun.Of("detect", "--indicators", indicators.Path, "--observations", events.Path, "--identity", "identity--11111111-1111-4111-8111-111111111111");
        Assert.Equal(0, run.ExitCode);
        using var bundle = JsonDocument.Parse(run.Out);
        var sightings = bundle.RootElement.GetProperty("objects").EnumerateArray().ToList();
        Assert.Equal(2, sightings.Count);
        var evil = sightings.Single(s => s.GetProperty("sighting_of_ref").GetString() == "indicator--00000000-0000-4000-8000-000000000001");
        Assert.Equal(2, evil.GetProperty("count").GetInt32());
        Assert.Equal("identity--11111111-1111-4111-8111-111111111111", evil.GetProperty("where_sighted_refs")[0].GetString());
        Assert.Contains("4 observations", run.Error, StringComparison.Ordinal);
        Assert.Contains("3 matches", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_writes_one_match_per_line_with_its_binding()
    {
        using var indicators = new TempFile(Indicators);
        var run = CliRun.WithInput(Events, "detect", "--indicators", indicators.Path, "--observations", "-", "--jsonl");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("indicator--00000000-0000-4000-8000-000000000001", first.RootElement.GetProperty("indicator").GetString());
        var binding = first.RootElement.GetProperty("bindings")[0];
        Assert.Equal("evil.example", binding.GetProperty("object").GetProperty("value").GetString());
        Assert.StartsWith("observed-data--", binding.GetProperty("observed_data_ref").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_indicators_file_holding_one_object_loads_that_indicator()
    {
        using var indicators = new TempFile("""
            {"type": "indicator", "spec_version": "2.1", "id": "indicator--00000000-0000-4000-8000-000000000003", "created": "2024-01-01T00:00:00Z", "modified": "2024-01-01T00:00:00Z",
             "pattern": "[url:value = 'http://good.example/']", "pattern_type": "stix", "valid_from": "2020-01-01T00:00:00Z"}
            """);
        var run = CliRun.WithInput(Events, "detect", "--indicators", indicators.Path, "--observations", "-", "--jsonl");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 indicators", run.Error, StringComparison.Ordinal);
        using var match = JsonDocument.Parse(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single());
        Assert.Equal("indicator--00000000-0000-4000-8000-000000000003", match.RootElement.GetProperty("indicator").GetString());
    }

    [Fact]
    public void Out_writes_to_a_file_and_no_match_exits_1()
    {
        using var indicators = new TempFile(Indicators);
        using var output = new TempFile(string.Empty);
        var run = CliRun.WithInput("{\"event\": \"http\", \"time\": \"2024-05-01T10:00:20Z\", \"url\": \"http://good.example/\"}\n",
            "detect", "--indicators", indicators.Path, "--observations", "-", "--out", output.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        using var bundle = JsonDocument.Parse(File.ReadAllText(output.Path));
        Assert.Equal(0, bundle.RootElement.GetProperty("objects").GetArrayLength());
    }

    [Fact]
    public void A_bad_line_is_reported_with_its_number_and_the_run_goes_on()
    {
        using var indicators = new TempFile(Indicators);
        var run = CliRun.WithInput("not json\n" + Events, "detect", "--indicators", indicators.Path, "--observations", "-", "--jsonl");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("-:1: not JSON", run.Error, StringComparison.Ordinal);
        Assert.Equal(3, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Indicators_in_the_stream_apply_from_then_on()
    {
        using var indicators = new TempFile("[]");
        var indicator = """{"type": "indicator", "spec_version": "2.1", "id": "indicator--00000000-0000-4000-8000-000000000003", "created": "2024-01-01T00:00:00Z", "modified": "2024-01-01T00:00:00Z", "pattern": "[url:value = 'http://good.example/']", "pattern_type": "stix", "valid_from": "2020-01-01T00:00:00Z"}""";
        var run = CliRun.WithInput(Events + "\n" + indicator + "\n" + Events, "detect", "--indicators", indicators.Path, "--observations", "-", "--jsonl");
        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_directory_of_indicator_files_is_read()
    {
        var directory = Directory.CreateTempSubdirectory("concord-detect-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "a.json"), Indicators);
            var run = CliRun.WithInput(Events, "detect", "--indicators", directory.FullName, "--observations", "-", "--jsonl");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(3, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Missing_indicators_are_an_input_error()
    {
        var run = CliRun.WithInput(Events, "detect", "--indicators", "/nonexistent/indicators.json", "--observations", "-");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file or directory", run.Error, StringComparison.Ordinal);
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Cli.Tests;

public sealed class MatchCommandTests
{
    private const string Observed = """
        {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
          {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
           "created": "2016-04-06T19:58:16.000Z", "modified": "2016-04-06T19:58:16.000Z",
           "first_observed": "2015-12-21T19:00:00Z", "last_observed": "2015-12-21T19:00:00Z", "number_observed": 1,
           "object_refs": ["ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4"]},
          {"type": "ipv4-addr", "id": "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4", "value": "198.51.100.3"}]}
        """;

    private const string Observed20 = """
        {"type": "observed-data", "id": "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
         "created": "2016-04-06T19:58:16.000Z", "modified": "2016-04-06T19:58:16.000Z",
         "first_observed": "2015-12-21T19:00:00Z", "last_observed": "2015-12-21T19:00:00Z", "number_observed": 1,
         "objects": {"0": {"type": "domain-name", "value": "example.com"}}}
        """;

    [Theory]
    [InlineData("[ipv4-addr:value = '198.51.100.3']", 0)]
    [InlineData("[ipv4-addr:value ISSUBSET '198.51.100.0/24']", 0)]
    [InlineData("[ipv4-addr:value = '203.0.113.1']", 1)]
    [InlineData("[ipv4-addr:value = 203.0.113.1']", 2)]
    public void The_exit_code_says_match_no_match_or_invalid_pattern(string pattern, int exit)
    {
        using var file = new TempFile(Observed);
        Assert.Equal(exit, CliRun.Of("match", pattern, "--observed", file.Path).ExitCode);
    }

    [Fact]
    public void An_invalid_pattern_names_its_line_and_column()
    {
        using var file = new TempFile(Observed);
        var run = CliRun.Of("match", "[ipv4-addr:value = 203.0.113.1']", "--observed", file.Path);
        Assert.Contains("line 1, column", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_observations_exit_2()
    {
        using var file = new TempFile("{\"type\": ");
        Assert.Equal(2, CliRun.Of("match", "[ipv4-addr:value = '198.51.100.3']", "--observed", file.Path).ExitCode);
    }

    [Fact]
    public void Json_output_gives_the_binding()
    {
        using var file = new TempFile(Observed);
        var run = CliRun.Of("match", "[ipv4-addr:value = '198.51.100.3']", "--observed", file.Path, "--json");
        using var document = JsonDocument.Parse(run.Out);
        var binding = Assert.Single(document.RootElement.GetProperty("bindings").EnumerateArray());
        Assert.True(document.RootElement.GetProperty("matched").GetBoolean());
        Assert.Equal("observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf", binding.GetProperty("observed_data_ref").GetString());
        Assert.Equal("198.51.100.3", binding.GetProperty("matched_object").GetProperty("value").GetString());
    }

    [Fact]
    public void Batch_answers_every_line_in_order_even_malformed_ones()
    {
        var lines = string.Join('\n',
            Line("a", "[ipv4-addr:value = '198.51.100.3']", Observed, "2.1"),
            Line("b", "[domain-name:value = 'example.com']", Observed20, "2.0"),
            Line("c", "[domain-name:value = 'example.org']", Observed20, "2.0"),
            "{broken",
            Line("e", "[domain-name:value = ", Observed20, "2.0"));
        using var file = new TempFile(lines, ".jsonl");
        var run = CliRun.Of("match", "--batch", file.Path);
        var verdicts = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, verdicts.Count);
        Assert.Equal(["a", "b", "c"], verdicts.Take(3).Select(v => v.GetProperty("id").GetString()));
        Assert.Equal([true, true, false], verdicts.Take(3).Select(v => v.GetProperty("matched").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, verdicts[3].GetProperty("id").ValueKind);
        Assert.Contains("line 4", verdicts[3].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("e", verdicts[4].GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(verdicts[4].GetProperty("error").GetString()));
        Assert.Equal(2, run.ExitCode);
    }

    private static string Line(string id, string pattern, string observed, string version) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = id,
            ["pattern"] = pattern,
            ["observed"] = new[] { JsonDocument.Parse(observed).RootElement },
            ["stix_version"] = version,
        });
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Concord.Sharing.Audit;

namespace Concord.Cli.Tests.Audit;

/// <summary>
/// <c>concord serve</c> with its audit log: a TAXII POST is answered only once its ingest entry is on disk, and stopping
/// the node signs the log with a final checkpoint.
/// </summary>
public sealed partial class ServeAuditTests : IDisposable
{
    private const string Indicator = """
        {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "created": "2016-04-06T20:03:48.000Z",
         "modified": "2016-04-06T20:03:48.000Z", "pattern": "[file:hashes.MD5 = '3773a88f65a5e780c8dff9cdc3a056f3']", "pattern_type": "stix", "valid_from": "2016-01-01T00:00:00Z"}
        """;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-serve-audit-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_post_is_acknowledged_after_its_ingest_entry_is_durable_and_stopping_the_node_signs_the_log()
    {
        var init = CliRun.Of("init", "--data", directory);
        Assert.True(init.ExitCode == ExitCodes.Success, init.Error);
        var password = Password().Match(init.Out).Groups[1].Value;
        var collection = Collection().Match(init.Out).Groups[1].Value;

        var output = new StringWriter();
        var synchronizedOutput = TextWriter.Synchronized(output);
        using var stop = new CancellationTokenSource();
        var environment = new CliEnvironment(synchronizedOutput, TextWriter.Synchronized(new StringWriter()), () => Stream.Null);
        var serve = ConcordCommand.Create(environment).Parse(["serve", "--data", directory, "--urls", "http://127.0.0.1:0"])
            .InvokeAsync(new InvocationConfiguration { Output = environment.Out, Error = environment.Error }, stop.Token);
        var url = await ServingUrlAsync(synchronizedOutput, output, serve);

        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + password)));
        client.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
        using var content = new StringContent($$"""{"objects": [{{Indicator}}, {"type": "indicator", "id": "indicator--not-a-uuid"}]}""", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/taxii+json;version=2.1");
        using var response = await client.PostAsync(new Uri($"{url}api1/collections/{collection}/objects/"), content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var statusId = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        // Read while the node runs: the entry is there as soon as the POST is answered.
        var ingest = Assert.Single(AuditLogReader.Read(Path.Combine(directory, "audit")), e => e.Kind == AuditEntryKind.Ingest);
        Assert.Equal(AuditActor.User("admin"), ingest.Actor);
        Assert.Equal("node", ingest.Organization!.Name);
        Assert.Equal(AuditChannels.Taxii, ingest.Channel);
        Assert.Equal(
            [("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "2016-04-06T20:03:48.000Z", "added"), ("indicator--not-a-uuid", null, "refused")],
            ingest.Objects.Select(o => (o.Id, o.Version, o.Outcome)));
        Assert.Equal(collection, ingest.Details!.Value.GetProperty("collection").GetString());
        Assert.Equal(statusId, ingest.Details!.Value.GetProperty("status").GetString());

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Success, await serve);

        var verify = CliRun.Of("audit", "verify", "--data", directory);
        Assert.True(verify.ExitCode == ExitCodes.Success, verify.Out);
        Assert.Contains("entries:         3 (seq 1 to 3)", verify.Out, StringComparison.Ordinal);
        Assert.Contains("last checkpoint: seq 3", verify.Out, StringComparison.Ordinal);
        Assert.Contains("unsigned tail:   none", verify.Out, StringComparison.Ordinal);
    }

    private static async Task<string> ServingUrlAsync(TextWriter synchronizedOutput, StringWriter output, Task<int> serve)
    {
        while (true)
        {
            string text;
            lock (synchronizedOutput)
            {
                text = output.ToString();
            }

            if (Serving().Match(text) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }

            if (serve.IsCompleted)
            {
                Assert.Fail($"concord serve stopped with exit code {await serve}: {text}");
            }

            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"password:\s+(\S+)\s+\(shown once")]
    private static partial Regex Password();

    [GeneratedRegex(@"default collection:\s+([0-9a-f-]{36})")]
    private static partial Regex Collection();

    [GeneratedRegex(@"serving TAXII 2\.1 at (http://127\.0\.0\.1:\d+/taxii2/)")]
    private static partial Regex Serving();
}

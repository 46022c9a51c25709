// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using Concord.Benchmarks.Support;
using Concord.Taxii;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Concord.Benchmarks.Taxii;

/// <summary>
/// Requests/s of GET /taxii2/ (negotiation, Bearer authentication with a token look-up, discovery JSON) next to a
/// trivial Kestrel endpoint returning a constant, each driven by 16 concurrent loops of 250 requests over loopback.
/// Target: at least 50% of the trivial endpoint's rate. The objects/s column reads as requests/s here.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class TaxiiDiscoveryBenchmarks
{
    private const int Concurrency = 16;
    private const int PerLoop = 250;

    private TaxiiNode? node;
    private WebApplication? trivial;
    private Uri trivialUrl = null!;
    private HttpClient? http;
    private AuthenticationHeaderValue? authorization;

    /// <summary>The input, as a key for the requests/s column.</summary>
    [Params("requests-4000")]
    public string Input { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        ThroughputConfig.Record(Input, 0, Concurrency * PerLoop);
        node = TaxiiNode.Start();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        trivial = builder.Build();
        trivial.MapGet("/", () => Results.Text("{\"title\":\"trivial\"}", "application/json"));
        trivial.StartAsync().GetAwaiter().GetResult();
        trivialUrl = new Uri(trivial.Urls.Single());
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency });
        authorization = new AuthenticationHeaderValue("Bearer", node.Token);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        http?.Dispose();
        trivial?.StopAsync().GetAwaiter().GetResult();
        node?.Dispose();
    }

    /// <summary>The baseline: a minimal-API endpoint returning a constant JSON string.</summary>
    [Benchmark(Baseline = true)]
    public Task TrivialKestrelEndpoint() => DriveAsync(trivialUrl, null);

    /// <summary>GET /taxii2/ with Accept and a Bearer token, as a TAXII client sends it.</summary>
    [Benchmark]
    public Task TaxiiDiscovery() => DriveAsync(node!.Discovery, authorization);

    private Task DriveAsync(Uri url, AuthenticationHeaderValue? auth) =>
        Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            for (var i = 0; i < PerLoop; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Accept.ParseAdd(TaxiiMediaTypes.Taxii21);
                request.Headers.Authorization = auth;
                using var response = await http!.SendAsync(request);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            }
        }));
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Concord.Benchmarks.Storage;
using Concord.Benchmarks.Support;
using Concord.Sharing.Audit;
using Concord.Stix.Model.Meta;
using Concord.Storage.Accounts;
using Concord.Storage.Collections;
using Concord.Storage.Sharing;
using Concord.Storage.Sqlite;
using Concord.Taxii.Server;
using Concord.Taxii.Server.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace Concord.Benchmarks.Taxii;

/// <summary>
/// The cost of the sharing policy on TAXII GET objects: 10,000 TLP:GREEN indicators (one in ten with an e-mail address in
/// its description, which the personal-data guard masks) in a collection owned by one organization, paged with limit 1,000
/// by a partner organization that an agreement covering GREEN lets read them (through the read benchmarks' lean client,
/// <see cref="TaxiiRawPages"/>). The same store is served twice in the same
/// run: by a server enforcing the policy (every object decided and guarded, each page audited in a real audit log)
/// and by one with <see cref="TaxiiServerOptions.EnforceSharingPolicy"/> off (the baseline). Target: at least 70% of the
/// baseline's rate.
/// </summary>
/// <remarks>
/// The enforcing server reads each stored version's policy facts once and keeps them in memory (keyed by collection and date
/// added), so after the warm-up its iterations decide from cached facts; <see cref="GetObjectsWithPolicyColdCache"/> measures
/// the same pages from a server started afresh before each iteration, which reads every version's facts from its bytes.
/// </remarks>
[Config(typeof(ThroughputConfig))]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 2, iterationCount: 10)]
public class TaxiiPolicyBenchmarks
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromMinutes(5) };
    private string folder = string.Empty;
    private SqliteStore? store;
    private Key? key;
    private AuditLog? audit;
    private WebApplication? enforced;
    private WebApplication? unenforced;
    private WebApplication? cold;
    private Uri coldCollection = null!;
    private Guid collectionId;
    private Uri enforcedCollection = null!;
    private Uri unenforcedCollection = null!;
    private string token = string.Empty;
    private TaxiiRawPages? raw;

    /// <summary>The input, as a key for the objects/s column.</summary>
    [Params("policy-10000")]
    public string Input { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    /// <summary>The baseline: the partner pages through the collection on the server that does not enforce the policy.</summary>
    [Benchmark(Baseline = true)]
    public Task<long> GetObjectsWithoutPolicy() => PageAsync(unenforcedCollection);

    /// <summary>The same pages from the server that enforces the policy and audits every page.</summary>
    [Benchmark]
    public Task<long> GetObjectsWithPolicy() => PageAsync(enforcedCollection);

    /// <summary>Starts the enforcing server of <see cref="GetObjectsWithPolicyColdCache"/> afresh: nothing decided yet.</summary>
    [IterationSetup(Target = nameof(GetObjectsWithPolicyColdCache))]
    public void StartCold() => StartColdAsync().GetAwaiter().GetResult();

    /// <summary>The same pages from a freshly started enforcing server, whose facts cache is empty.</summary>
    [Benchmark]
    public Task<long> GetObjectsWithPolicyColdCache() => PageAsync(coldCollection);

    private Task<long> PageAsync(Uri collection) => raw!.ReadAllAsync(new Uri(collection, "objects/?limit=1000").ToString());

    private async Task SetupAsync()
    {
        var objects = TaxiiData.Objects(seed: 6)
            .Select((o, n) => n % 10 == 0
                ? (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(o.Span).Replace("all types of crime.", "all types of crime; report to soc-duty@example.org.", StringComparison.Ordinal))
                : o)
            .ToArray();
        ThroughputConfig.Record(Input, StorageData.Bytes(objects), objects.Length);
        folder = Path.Combine(Path.GetTempPath(), "concord-bench-policy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        store = SqliteStore.Open(Path.Combine(folder, "store.db"));
        var owner = await store.CreateOrganizationAsync("owner");
        var partner = await store.CreateOrganizationAsync("partner");
        await store.CreateAgreementAsync(new Agreement(Guid.NewGuid(), "owner-partner")
        {
            Parties = [SharingParty.Organization(owner.Id), SharingParty.Organization(partner.Id)],
            TlpLevels = [TlpLevel.Green],
            ValidFrom = DateTimeOffset.UtcNow.AddDays(-1),
        });
        var collection = new CollectionInfo(Guid.NewGuid(), "api1", "owner's") { OwnerOrganizationId = owner.Id };
        await store.CreateCollectionAsync(collection);
        await store.SetGrantAsync(new CollectionGrant(collection.Id, partner.Id, true, false));
        foreach (var batch in objects.Chunk(StorageData.Batch))
        {
            await store.AddObjectsAsync(collection.Id, batch);
        }

        var (secret, hash) = ApiTokens.Create();
        await store.CreateApiTokenAsync(new ApiToken(Guid.NewGuid(), partner.Id, "bench", hash, DateTimeOffset.UtcNow));
        token = secret;
        raw = new TaxiiRawPages(http, token);
        key = Key.Create(SignatureAlgorithm.Ed25519);
        audit = await AuditLog.OpenAsync(new AuditLogOptions { Directory = Path.Combine(folder, "audit"), SigningKey = key, NodeId = "identity--" + Guid.NewGuid().ToString("D") });
        enforced = await StartAsync(new TaxiiServerOptions { Urls = ["http://127.0.0.1:0"], MaxPageSize = 1000 }, audit);
        unenforced = await StartAsync(new TaxiiServerOptions { Urls = ["http://127.0.0.1:0"], MaxPageSize = 1000, EnforceSharingPolicy = false }, null);
        enforcedCollection = CollectionUrl(enforced, collection.Id);
        collectionId = collection.Id;
        unenforcedCollection = CollectionUrl(unenforced, collection.Id);
        SteadyState.WarmUp(
            () =>
            {
                GetObjectsWithoutPolicy().GetAwaiter().GetResult();
                GetObjectsWithPolicy().GetAwaiter().GetResult();
            },
            minRounds: 120,
            maxRounds: 400);
    }

    private async Task<WebApplication> StartAsync(TaxiiServerOptions options, IAuditLog? log)
    {
        var app = TaxiiServerApplication.Build(store!, options, logging => logging.SetMinimumLevel(LogLevel.Error), audit: log);
        await app.StartAsync();
        return app;
    }

    private async Task StartColdAsync()
    {
        await StopAsync(cold);
        cold = await StartAsync(new TaxiiServerOptions { Urls = ["http://127.0.0.1:0"], MaxPageSize = 1000 }, audit);
        coldCollection = CollectionUrl(cold, collectionId);
    }

    private static async Task StopAsync(WebApplication? app)
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static Uri CollectionUrl(WebApplication app, Guid collection) =>
        new(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()), $"/taxii2/api1/collections/{collection:D}/");

    private async Task CleanupAsync()
    {
        foreach (var app in new[] { enforced, unenforced, cold })
        {
            await StopAsync(app);
        }

        if (audit is not null)
        {
            await audit.DisposeAsync();
        }

        key?.Dispose();
        store?.Dispose();
        http.Dispose();
        StorageData.Delete(folder);
    }
}

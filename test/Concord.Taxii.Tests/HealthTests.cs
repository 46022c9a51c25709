// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Net;
using Concord.Storage.Postgres;
using Concord.Taxii.Server;
using Concord.Taxii.Tests.Support;
using Concord.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Concord.Taxii.Tests;

/// <summary>/healthz reports the store's health: 503 while PostgreSQL cannot be reached, 200 again once it can.</summary>
public sealed class HealthTests
{
    [PostgresFact]
    public async Task Healthz_is_503_while_the_database_is_unreachable_and_200_once_it_is_back()
    {
        var server = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString);
        await using var relay = new TcpRelay(server.Host!, server.Port);
        var schema = TestPostgres.NewSchema("health");
        var connection = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Host = "127.0.0.1", Port = relay.Port, SearchPath = schema, Timeout = 2 };
        await using var store = await PostgresStore.OpenAsync(new PostgresStoreOptions(connection.ToString()) { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMilliseconds(50) });
        await using var app = TaxiiServerApplication.Build(store, new TaxiiServerOptions { Urls = ["http://127.0.0.1:0"], EnforceSharingPolicy = false }, logging => logging.ClearProviders());
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };
        try
        {
            using var healthy = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            await relay.CutAsync();
            using var down = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            relay.Restore();
            using var back = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("{\"status\":\"unavailable\",\"storage\":\"unreachable\"}", await down.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await TestStores.DropAsync(schema);
        }
    }
}

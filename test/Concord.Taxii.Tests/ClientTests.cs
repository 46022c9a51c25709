// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Concord.Taxii.Tests.Support;

namespace Concord.Taxii.Tests;

/// <summary>
/// The client's error model (bad input, the peer's refusal, transport failures, answers that are not TAXII) and how it
/// receives bodies.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ClientTests(TaxiiServerFixture server)
{
    [Fact]
    public async Task Bad_input_fails_before_anything_is_sent()
    {
        var limit = await Assert.ThrowsAsync<TaxiiException>(() => server.Alpha.GetObjectsAsync(server.ApiRoot, server.Shared, new TaxiiQuery { Limit = 0 }));
        Assert.Equal(TaxiiErrorKind.InvalidRequest, limit.Kind);
        Assert.Null(limit.HttpStatus);
        Assert.False(limit.IsRetryable);

        var empty = await Assert.ThrowsAsync<TaxiiException>(() => server.Alpha.GetCollectionAsync(server.ApiRoot, string.Empty));
        Assert.Equal(TaxiiErrorKind.InvalidRequest, empty.Kind);
        var comma = await Assert.ThrowsAsync<TaxiiException>(() => server.Alpha.GetObjectsAsync(server.ApiRoot, server.Shared, new TaxiiQuery { Types = ["a,b"] }));
        Assert.Equal(TaxiiErrorKind.InvalidRequest, comma.Kind);
        var relative = await Assert.ThrowsAsync<TaxiiException>(() => server.Alpha.GetApiRootAsync(new Uri("/taxii2/api1/", UriKind.Relative)));
        Assert.Equal(TaxiiErrorKind.InvalidRequest, relative.Kind);
        Assert.Throws<ArgumentException>(() => TaxiiCredentials.Basic("a:b", "c"));
    }

    [Fact]
    public async Task The_peer_saying_no_carries_status_and_error_resource()
    {
        var error = await Assert.ThrowsAsync<TaxiiException>(() => new TaxiiClient(server.Http).GetDiscoveryAsync(server.Discovery));
        Assert.Equal(TaxiiErrorKind.Refused, error.Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, error.HttpStatus);
        Assert.Equal("unauthorized", error.Error!.ErrorCode);
        Assert.False(error.IsRetryable);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_peer_is_a_retryable_transport_failure()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var error = await Assert.ThrowsAsync<TaxiiException>(() => server.Alpha.GetDiscoveryAsync(new Uri($"http://127.0.0.1:{port}/taxii2/")));
        Assert.Equal(TaxiiErrorKind.Transport, error.Kind);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task A_non_taxii_answer_is_an_invalid_response()
    {
        var error = await Assert.ThrowsAsync<TaxiiException>(() => server.Alpha.GetDiscoveryAsync(server.Url("/healthz")));
        Assert.Equal(TaxiiErrorKind.InvalidResponse, error.Kind);
        Assert.Equal(HttpStatusCode.OK, error.HttpStatus);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, TaxiiErrorKind.ServerError, true)]
    [InlineData(HttpStatusCode.InternalServerError, TaxiiErrorKind.ServerError, true)]
    [InlineData(HttpStatusCode.NotImplemented, TaxiiErrorKind.ServerError, false)]
    [InlineData(HttpStatusCode.TooManyRequests, TaxiiErrorKind.Refused, true)]
    [InlineData(HttpStatusCode.Forbidden, TaxiiErrorKind.Refused, false)]
    public void Retryable_depends_on_kind_and_status(HttpStatusCode status, TaxiiErrorKind kind, bool retryable) =>
        Assert.Equal(retryable, new TaxiiException(kind, status, null, "x").IsRetryable);

    [Fact]
    public void Next_query_follows_next_then_falls_back_to_added_after()
    {
        var query = new TaxiiQuery { Limit = 5, Types = ["indicator"] };
        Assert.Null(TaxiiClient.NextQuery(query, null, null, null));
        Assert.Equal("abc", TaxiiClient.NextQuery(query, true, "abc", null)!.Next);
        var last = DateTimeOffset.Parse("2024-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var fallback = TaxiiClient.NextQuery(query, true, null, last)!;
        Assert.Equal(last, fallback.AddedAfter);
        Assert.Equal(["indicator"], fallback.Types);
        Assert.Null(TaxiiClient.NextQuery(query, true, null, null));
    }

    [Fact]
    public void Query_strings_escape_values_and_use_match_brackets()
    {
        var query = new TaxiiQuery
        {
            AddedAfter = DateTimeOffset.Parse("2024-01-01T00:00:00.1234567Z", System.Globalization.CultureInfo.InvariantCulture),
            Limit = 10,
            Next = "a+b",
            Ids = ["indicator--1"],
            Versions = ["first", "last"],
            SpecVersions = ["2.1"],
        };
        Assert.Equal("?added_after=2024-01-01T00%3A00%3A00.123456Z&limit=10&next=a%2Bb&match%5Bid%5D=indicator--1&match%5Bversion%5D=first%2Clast&match%5Bspec_version%5D=2.1", query.ToQueryString());
        Assert.Equal(string.Empty, TaxiiQuery.All.ToQueryString());
    }

    [Theory]
    [InlineData("application/taxii+json;version=2.1", true)]
    [InlineData("application/taxii+json", true)]
    [InlineData("Application/TAXII+JSON; version=2.1; charset=utf-8", true)]
    [InlineData("application/taxii+json;version=2.0", false)]
    [InlineData("application/taxii+json;charset=latin1", false)]
    [InlineData("application/json", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Content_types(string? contentType, bool expected) =>
        Assert.Equal(expected, TaxiiMediaTypes.IsTaxii21ContentType(contentType));

    [Theory]
    [InlineData("application/stix+json;version=2.1", false, false)]
    [InlineData("application/stix+json;version=2.1", true, true)]
    [InlineData("application/*", false, true)]
    [InlineData("application/taxii+json;q=0, */*;q=0", false, false)]
    [InlineData("application/taxii+json;q=0.0", false, false)]
    [InlineData("application/taxii+json;q=0.001", false, true)]
    [InlineData(",,,", false, false)]
    [InlineData(null, false, true)]
    public void Accept_headers(string? accept, bool alsoStix, bool expected) =>
        Assert.Equal(expected, TaxiiMediaTypes.AcceptsTaxii21(accept, alsoStix));

    [Fact]
    public void Timestamps_have_microsecond_precision()
    {
        var instant = DateTimeOffset.Parse("2024-02-03T04:05:06.1234567+02:00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("2024-02-03T02:05:06.123456Z", TaxiiTimestamp.Format(instant));
        Assert.True(TaxiiTimestamp.TryParse("2024-02-03T02:05:06.123456Z", out var parsed));
        Assert.Equal(TaxiiTimestamp.TruncateToMicroseconds(instant), parsed);
        Assert.False(TaxiiTimestamp.TryParse("2024-02-03", out _));
    }

    [Fact]
    public async Task Pages_larger_than_the_first_receive_buffer_arrive_whole_and_keep_their_objects()
    {
        var collection = await server.CollectionAsync("client pages", (server.AlphaId, true, true));
        var sent = Enumerable.Range(0, 600).Select(i => StixObjects.Indicator(name: $"indicator {i}")).ToArray();
        Assert.Equal(600, (await server.Alpha.AddObjectsAsync(server.ApiRoot, collection, sent)).SuccessCount);

        // Pages of about 85 KB, each received into a pooled buffer that the next page reuses: the objects of the first
        // page must still be the ones sent once the last page has been read.
        var received = new List<JsonElement>();
        var query = new TaxiiQuery { Limit = 250 };
        while (true)
        {
            var page = await server.Alpha.GetObjectsAsync(server.ApiRoot, collection, query);
            received.AddRange(page.Resource.Objects ?? []);
            if (page.Resource.More != true)
            {
                break;
            }

            query = query with { Next = page.Resource.Next };
        }

        Assert.Equal(sent.Select(o => o.GetRawText()), received.Select(o => o.GetRawText()));

        // The manifest is written without a Content-Length, and at about 100 KB it outgrows the first buffer.
        var manifest = await server.Alpha.GetManifestAsync(server.ApiRoot, collection, new TaxiiQuery { Limit = 600 });
        Assert.Equal(sent.Select(o => o.GetProperty("id").GetString()), manifest.Resource.Objects!.Select(r => r.Id));
    }
}

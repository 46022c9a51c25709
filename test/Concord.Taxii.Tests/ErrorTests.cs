// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Net.Http.Headers;
using System.Text;
using Concord.Taxii.Tests.Support;

namespace Concord.Taxii.Tests;

/// <summary>
/// Hostile and malformed requests: each gets a TAXII error resource with a 4xx status, never a 5xx; afterwards the
/// server still answers and the collection's content is unchanged.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ErrorTests(TaxiiServerFixture server)
{
    public static TheoryData<string, string, int> BadBodies => new()
    {
        { "not JSON", "this is not json", 400 },
        { "truncated", "{\"objects\":[{\"type\":\"indicator\",\"id\":", 400 },
        { "trailing garbage", "{\"objects\":[]} xyz", 400 },
        { "empty body", string.Empty, 400 },
        { "deep nesting", new string('[', 10_000) + new string(']', 10_000), 400 },
        { "deep nesting in an object", "{\"objects\":[" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200) + "]}", 400 },
        { "array instead of envelope", "[]", 422 },
        { "string instead of envelope", "\"objects\"", 422 },
        { "objects is a number", "{\"objects\":5}", 422 },
        { "objects is an object", "{\"objects\":{}}", 422 },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Malformed_bodies_are_refused_with_a_taxii_error(string name, string body, int status)
    {
        Assert.NotNull(name);
        var before = await SnapshotAsync();
        using var response = await PostAsync(Encoding.UTF8.GetBytes(body));
        await Assertions.TaxiiErrorAsync(response, status);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Invalid_utf8_is_400()
    {
        using var response = await PostAsync([.. "{\"objects\":[\""u8, 0xff, 0xfe, .. "\"]}"u8]);
        await Assertions.TaxiiErrorAsync(response, 400);
    }

    [Fact]
    public async Task Wrong_types_inside_objects_are_per_object_failures()
    {
        var before = await SnapshotAsync();
        var body = """{"objects":[5,"x",null,[],{"type":5,"id":"indicator--x"},{"type":"indicator","spec_version":"2.1","id":"not-an-id","created":"2024-01-01T00:00:00Z","modified":"yesterday"}]}""";
        using var response = await PostAsync(Encoding.UTF8.GetBytes(body));
        using var json = await Assertions.TaxiiJsonAsync(response, 202);
        Assert.Equal(6, json.RootElement.GetProperty("failure_count").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("success_count").GetInt32());
        Assert.All(json.RootElement.GetProperty("failures").EnumerateArray(), f => Assert.StartsWith("[", f.GetProperty("message").GetString(), StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_body_over_max_content_length_is_413_with_or_without_content_length()
    {
        var before = await SnapshotAsync();
        var huge = new byte[TaxiiServerFixture.MaxContentLength + 1];
        Array.Fill(huge, (byte)' ');
        using (var response = await PostAsync(huge))
        {
            await Assertions.TaxiiErrorAsync(response, 413);
        }

        var request = server.Request(HttpMethod.Post, server.CollectionUrl(server.Shared, "objects/"), server.AlphaToken);
        request.Content = new StreamContent(new MemoryStream(huge));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(TaxiiMediaTypes.Taxii21);
        request.Headers.TransferEncodingChunked = true;
        using (var chunked = await server.Http.SendAsync(request))
        {
            await Assertions.TaxiiErrorAsync(chunked, 413);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_body_just_under_max_content_length_is_not_413()
    {
        var objects = new List<System.Text.Json.JsonElement>();
        byte[] envelope;
        do
        {
            objects.Add(StixObjects.Malware());
            envelope = StixObjects.Envelope(objects);
        }
        while (envelope.Length < TaxiiServerFixture.MaxContentLength - 400);

        var padded = new byte[TaxiiServerFixture.MaxContentLength];
        Array.Fill(padded, (byte)' ');
        envelope.CopyTo(padded, 0);
        using var response = await PostAsync(padded);
        using var json = await Assertions.TaxiiJsonAsync(response, 202);
        Assert.Equal(objects.Count, json.RootElement.GetProperty("success_count").GetInt32());
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "objects/?limit=0",
        "objects/?limit=-1",
        "objects/?limit=abc",
        "objects/?limit=99999999999999999999",
        "objects/?limit=1&limit=2",
        "objects/?added_after=yesterday",
        "objects/?added_after=2024-01-01",
        "objects/?added_after=2024-13-01T00:00:00Z",
        "objects/?added_after=2024-01-01T00:00:00Z&added_after=2024-01-01T00:00:00Z",
        "objects/?next=garbage",
        "objects/?next=%00%00%00",
        "objects/?match[version]=all,first",
        "objects/?match[version]=last,last",
        "objects/?match[version]=",
        "objects/?match[version]=2024-01-01",
        "objects/?match[id]=not-an-id",
        "objects/?match[id]=indicator--1,",
        "objects/?match[id]=%27%3B%20DROP%20TABLE%20objects%3B--",
        "objects/?match[type]=Indicator",
        "objects/?match[type]=indicator%27%20OR%201%3D1",
        "objects/?match[type]=%E2%98%83",
        "objects/?match[spec_version]=two",
        "objects/?match[type]=a&match[type]=b",
        "manifest/?limit=0",
        "manifest/?match[version]=newest",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Hostile_query_values_are_400(string rest)
    {
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(server.Shared, rest), server.AlphaToken));
        await Assertions.TaxiiErrorAsync(response, 400);
    }

    [Fact]
    public async Task A_huge_query_string_is_414()
    {
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(server.Shared, "objects/?match[type]=" + new string('a', 20_000)), server.AlphaToken));
        await Assertions.TaxiiErrorAsync(response, 414);
    }

    public static TheoryData<string, int> InvalidPaths => new()
    {
        { "/taxii2/api1/collections/not-a-guid/", 404 },
        { "/taxii2/api1/collections/not-a-guid/objects/", 404 },
        { "/taxii2/api1/collections/{shared}/objects/not-an-id/", 404 },
        { "/taxii2/api1/collections/{shared}/objects/indicator--zzz/versions/", 404 },
        { "/taxii2/api1/collections/{shared}/objects/..%2F..%2F/", 404 },
        { "/taxii2/api1/status/not-a-guid/", 404 },
        { "/taxii2/api1/status/{random}/", 404 },
        { "/taxii2/API1/", 404 },
        { "/taxii2/api1/unknown/", 404 },
        { "/nothing/here", 404 },
        { "/", 404 },
    };

    [Theory]
    [MemberData(nameof(InvalidPaths))]
    public async Task Invalid_ids_and_unknown_routes_are_404(string path, int status)
    {
        var url = server.Url(path.Replace("{shared}", server.Shared, StringComparison.Ordinal).Replace("{random}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, url, server.AlphaToken));
        await Assertions.TaxiiErrorAsync(response, status);
    }

    [Fact]
    public async Task Unsupported_methods_are_405()
    {
        using var put = await server.Http.SendAsync(server.Request(HttpMethod.Put, server.CollectionUrl(server.Shared, "objects/"), server.AlphaToken));
        await Assertions.TaxiiErrorAsync(put, 405);
        Assert.Contains("POST", put.Content.Headers.Allow.Concat(put.Headers.TryGetValues("Allow", out var allow) ? allow : []));
        using var post = await server.Http.SendAsync(server.Request(HttpMethod.Post, server.Discovery, server.AlphaToken));
        await Assertions.TaxiiErrorAsync(post, 405);
    }

    public static TheoryData<string> UnacceptableAccepts => new()
    {
        "application/json",
        "application/taxii+json;version=2.0",
        "application/stix+json;version=2.1",
        "text/html",
        "application/taxii+json;version=2.1;q=0",
        "garbage",
    };

    [Theory]
    [MemberData(nameof(UnacceptableAccepts))]
    public async Task Accept_without_taxii_2_1_is_406(string accept)
    {
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(server.Shared, "objects/"), server.AlphaToken, accept));
        await Assertions.TaxiiErrorAsync(response, 406);
    }

    public static TheoryData<string> AcceptableAccepts => new()
    {
        "application/taxii+json;version=2.1",
        "application/taxii+json",
        "application/taxii+json; version=\"2.1\"",
        "text/html, application/taxii+json;version=2.1;q=0.5",
        "*/*",
        string.Empty,
    };

    [Theory]
    [MemberData(nameof(AcceptableAccepts))]
    public async Task Accept_with_taxii_2_1_is_served(string accept)
    {
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(server.Shared, "objects/"), server.AlphaToken, accept));
        using var json = await Assertions.TaxiiJsonAsync(response);
    }

    public static TheoryData<string?> UnsupportedContentTypes => new()
    {
        "application/json",
        "application/taxii+json;version=2.0",
        "application/stix+json;version=2.1",
        "text/plain",
        null,
    };

    [Theory]
    [MemberData(nameof(UnsupportedContentTypes))]
    public async Task Content_type_other_than_taxii_2_1_is_415(string? contentType)
    {
        var before = await SnapshotAsync();
        var request = server.Request(HttpMethod.Post, server.CollectionUrl(server.Shared, "objects/"), server.AlphaToken);
        request.Content = new ByteArrayContent(StixObjects.Envelope([StixObjects.Malware()]));
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await server.Http.SendAsync(request);
        await Assertions.TaxiiErrorAsync(response, 415);
        Assert.Equal(before, await SnapshotAsync());
    }

    public static TheoryData<string?> BadCredentials => new()
    {
        null,
        "Basic",
        "Basic !!!notbase64",
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:wrong password")),
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("nobody:" + TaxiiServerFixture.Password)),
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("no-colon")),
        "Basic " + Convert.ToBase64String([0xff, 0xfe, 0x3a, 0x41]),
        "Bearer",
        "Bearer concord_not-a-real-token",
        "Digest username=\"alice\"",
        "Bearer " + new string('x', 5000),
    };

    [Theory]
    [MemberData(nameof(BadCredentials))]
    public async Task Bad_credentials_are_401_with_a_challenge(string? authorization)
    {
        var request = server.Request(HttpMethod.Get, server.CollectionUrl(server.Shared, "objects/"));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await server.Http.SendAsync(request);
        await Assertions.TaxiiErrorAsync(response, 401);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Repeated_failures_lock_the_user_out_even_with_the_right_password()
    {
        var wrong = new TaxiiClient(server.Http, TaxiiCredentials.Basic("dave", "wrong password"));
        for (var i = 0; i < 3; i++)
        {
            var failure = await Assert.ThrowsAsync<TaxiiException>(() => wrong.GetDiscoveryAsync(server.Discovery));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, failure.HttpStatus);
        }

        var locked = await Assert.ThrowsAsync<TaxiiException>(() => new TaxiiClient(server.Http, TaxiiCredentials.Basic("dave", TaxiiServerFixture.Password)).GetDiscoveryAsync(server.Discovery));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, locked.HttpStatus);
        var user = await server.Store.FindUserAsync("dave");
        Assert.True(user!.LockedUntil > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        var (token, hash) = Server.Accounts.ApiTokens.Create();
        var id = Guid.NewGuid();
        await server.Store.CreateApiTokenAsync(new Storage.Accounts.ApiToken(id, server.AlphaId, "revoked", hash, DateTimeOffset.UtcNow));
        await server.Client(token).GetDiscoveryAsync(server.Discovery);
        await server.Store.RevokeApiTokenAsync(id, DateTimeOffset.UtcNow);
        var error = await Assert.ThrowsAsync<TaxiiException>(() => server.Client(token).GetDiscoveryAsync(server.Discovery));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.HttpStatus);
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body)
    {
        var request = server.Request(HttpMethod.Post, server.CollectionUrl(server.Shared, "objects/"), server.AlphaToken);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(TaxiiMediaTypes.Taxii21);
        return await server.Http.SendAsync(request);
    }

    /// <summary>Every version in the Shared collection, by id, version and date added: what "data unchanged" means.</summary>
    private async Task<string> SnapshotAsync()
    {
        var keys = new List<string>();
        var query = new TaxiiQuery { Versions = ["all"], Limit = 5000 };
        while (true)
        {
            var page = await server.Alpha.GetManifestAsync(server.ApiRoot, server.Shared, query);
            keys.AddRange((page.Resource.Objects ?? []).Select(r => $"{r.Id}|{r.Version}|{r.DateAdded}"));
            if (page.Resource.More != true)
            {
                break;
            }

            query = query with { Next = page.Resource.Next };
        }

        using var health = await server.Http.GetAsync(server.Url("/healthz"));
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        return string.Join('\n', keys);
    }
}

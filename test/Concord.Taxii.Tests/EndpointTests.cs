// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Concord.Taxii.Tests.Support;

namespace Concord.Taxii.Tests;

/// <summary>Every endpoint through the client and with raw HTTP: status codes, headers, media types and bodies.</summary>
[Collection(ServerCollection.Name)]
public sealed class EndpointTests(TaxiiServerFixture server)
{
    [Fact]
    public async Task Discovery_lists_the_api_root_as_default()
    {
        var discovery = await server.Alpha.GetDiscoveryAsync(server.Discovery);
        Assert.Equal("Concord TAXII 2.1 server", discovery.Title);
        Assert.Equal(server.ApiRoot.ToString(), discovery.Default);
        Assert.Equal([server.ApiRoot.ToString()], discovery.ApiRoots);
        Assert.Equal(server.ApiRoot, TaxiiClient.ResolveApiRoot(server.Discovery, discovery.Default!));

        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.Discovery, server.AlphaToken));
        using var json = await Assertions.TaxiiJsonAsync(response);
        Assert.Equal(server.ApiRoot.ToString(), json.RootElement.GetProperty("default").GetString());
    }

    [Fact]
    public async Task Api_root_states_the_version_and_max_content_length()
    {
        var root = await server.Alpha.GetApiRootAsync(server.ApiRoot);
        Assert.Equal([TaxiiMediaTypes.Taxii21], root.Versions);
        Assert.Equal(TaxiiServerFixture.MaxContentLength, root.MaxContentLength);

        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.ApiRoot, server.AlphaToken));
        using var json = await Assertions.TaxiiJsonAsync(response);
        Assert.Equal("application/taxii+json;version=2.1", json.RootElement.GetProperty("versions")[0].GetString());
    }

    [Fact]
    public async Task Unknown_api_root_is_404()
    {
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.Url("/taxii2/nope/"), server.AlphaToken));
        await Assertions.TaxiiErrorAsync(response, 404);
    }

    [Fact]
    public async Task Collections_show_each_organization_only_what_it_may_read_or_write()
    {
        var alpha = await server.Alpha.GetCollectionsAsync(server.ApiRoot);
        Assert.Contains(alpha, c => c.Id == server.Secret && c.CanRead && c.CanWrite);

        var beta = await server.Client(server.BetaToken).GetCollectionsAsync(server.ApiRoot);
        Assert.DoesNotContain(beta, c => c.Id == server.Secret);
        Assert.Contains(beta, c => c.Id == server.Shared && c.CanRead && !c.CanWrite);
        Assert.Contains(beta, c => c.Id == server.Dropbox && !c.CanRead && c.CanWrite);

        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, new Uri(server.ApiRoot, "collections/"), server.GammaToken));
        using var json = await Assertions.TaxiiJsonAsync(response);
        Assert.Empty(json.RootElement.EnumerateObject());
    }

    [Fact]
    public async Task Collection_resource_has_id_title_permissions_and_media_types()
    {
        var collection = await server.Client(server.BetaToken).GetCollectionAsync(server.ApiRoot, server.Shared);
        Assert.Equal(server.Shared, collection.Id);
        Assert.Equal("Shared", collection.Title);
        Assert.True(collection.CanRead);
        Assert.False(collection.CanWrite);
        Assert.Equal([TaxiiMediaTypes.Stix21], collection.MediaTypes);
    }

    [Fact]
    public async Task A_collection_you_cannot_see_answers_exactly_like_a_missing_one()
    {
        using var hidden = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(server.Secret), server.BetaToken));
        using var missing = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(Guid.NewGuid().ToString()), server.BetaToken));
        var hiddenError = await Assertions.TaxiiErrorAsync(hidden, 404);
        var missingError = await Assertions.TaxiiErrorAsync(missing, 404);
        Assert.Equal(missingError with { ErrorId = null }, hiddenError with { ErrorId = null });

        foreach (var rest in new[] { "objects/", "manifest/", $"objects/{StixObjects.NewId("indicator")}/", $"objects/{StixObjects.NewId("indicator")}/versions/" })
        {
            using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(server.Secret, rest), server.BetaToken));
            await Assertions.TaxiiErrorAsync(response, 404);
        }
    }

    [Fact]
    public async Task Post_validates_each_object_and_the_status_names_the_rule_and_path()
    {
        var good = StixObjects.Indicator();
        var badPattern = StixObjects.Parse(StixObjects.Indicator().GetRawText().Replace("[ipv4-addr:value = '198.51.100.1']", "[ipv4-addr:value = ", StringComparison.Ordinal));
        var noId = StixObjects.Parse("""{"type":"malware","spec_version":"2.1","name":"x","is_family":false,"created":"2024-01-01T00:00:00Z","modified":"2024-01-01T00:00:00Z"}""");
        var status = await server.Alpha.AddObjectsAsync(server.ApiRoot, server.Shared, [good, badPattern, noId]);

        Assert.True(status.IsComplete);
        Assert.Equal(3, status.TotalCount);
        Assert.Equal(1, status.SuccessCount);
        Assert.Equal(2, status.FailureCount);
        Assert.Equal(0, status.PendingCount);
        Assert.Equal(good.GetProperty("id").GetString(), status.Successes![0].Id);
        Assert.Equal("2024-01-01T00:00:00.000Z", status.Successes[0].Version);
        var pattern = status.Failures![0];
        Assert.Equal(badPattern.GetProperty("id").GetString(), pattern.Id);
        Assert.Contains("[pattern-syntax]", pattern.Message, StringComparison.Ordinal);
        Assert.Contains("$.objects[1].pattern", pattern.Message, StringComparison.Ordinal);
        Assert.Equal("$.objects[2]", status.Failures[1].Id);
        Assert.Contains("$.objects[2]", status.Failures[1].Message, StringComparison.Ordinal);

        var again = await server.Alpha.GetStatusAsync(server.ApiRoot, status.Id);
        Assert.Equal(status.Id, again.Id);
        Assert.Equal(status.Failures[0].Message, again.Failures![0].Message);
        Assert.Equal(status.Id, (await server.Alpha.WaitForStatusAsync(server.ApiRoot, status, TimeSpan.FromMilliseconds(10))).Id);

        using var otherOrganization = await server.Http.SendAsync(server.Request(HttpMethod.Get, new Uri(server.ApiRoot, $"status/{status.Id}/"), server.BetaToken));
        await Assertions.TaxiiErrorAsync(otherOrganization, 404);
    }

    [Fact]
    public async Task A_large_post_reports_every_object_in_envelope_order_and_stores_the_valid_ones()
    {
        // Refusals and a repeated object spread over a large envelope.
        var objects = Enumerable.Range(0, 250).Select(i => i % 7 == 3
            ? StixObjects.Parse(StixObjects.Indicator().GetRawText().Replace("[ipv4-addr:value = '198.51.100.1']", "[ipv4-addr:value = ", StringComparison.Ordinal))
            : StixObjects.Indicator(name: $"indicator {i}")).ToList();
        objects[240] = objects[11];
        var refused = Enumerable.Range(0, 250).Where(i => i % 7 == 3).ToList();

        var status = await server.Alpha.AddObjectsAsync(server.ApiRoot, server.Shared, objects);

        Assert.Equal((250, 250 - refused.Count, refused.Count), (status.TotalCount, status.SuccessCount, status.FailureCount));
        Assert.Equal(refused.Select(i => objects[i].GetProperty("id").GetString()), status.Failures!.Select(f => f.Id));
        Assert.All(refused.Zip(status.Failures!), r => Assert.Contains($"$.objects[{r.First}].pattern", r.Second.Message, StringComparison.Ordinal));
        Assert.Equal(
            Enumerable.Range(0, 250).Except(refused).Select(i => objects[i].GetProperty("id").GetString()),
            status.Successes!.Select(s => s.Id));
        foreach (var i in new[] { 0, 11, 120, 249 })
        {
            var page = await server.Alpha.GetObjectAsync(server.ApiRoot, server.Shared, objects[i].GetProperty("id").GetString()!);
            Assert.Equal(objects[i].GetRawText(), Assert.Single(page.Resource.Objects!).GetRawText());
        }

        using var missing = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(server.Shared, $"objects/{objects[refused[^1]].GetProperty("id").GetString()}/"), server.AlphaToken));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Raw_post_answers_202_with_a_status_resource()
    {
        var request = server.Request(HttpMethod.Post, server.CollectionUrl(server.Shared, "objects/"), server.AlphaToken);
        request.Content = new ByteArrayContent(StixObjects.Envelope([StixObjects.Malware()]));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(TaxiiMediaTypes.Taxii21);
        using var response = await server.Http.SendAsync(request);
        using var json = await Assertions.TaxiiJsonAsync(response, 202);
        Assert.Equal("complete", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("success_count").GetInt32());
        Assert.True(Guid.TryParse(json.RootElement.GetProperty("id").GetString(), out _));
    }

    [Fact]
    public async Task Posting_an_exact_duplicate_is_a_success()
    {
        var indicator = StixObjects.Indicator();
        var first = await server.Alpha.AddObjectsAsync(server.ApiRoot, server.Shared, [indicator]);
        var second = await server.Alpha.AddObjectsAsync(server.ApiRoot, server.Shared, [indicator]);
        Assert.Equal(1, first.SuccessCount);
        Assert.Equal(1, second.SuccessCount);
        Assert.Equal(0, second.FailureCount);
    }

    [Fact]
    public async Task Get_object_returns_the_bytes_posted_with_date_added_headers()
    {
        var indicator = StixObjects.Indicator(name: "caf\u00e9 \u2603");
        await server.Alpha.AddObjectsAsync(server.ApiRoot, server.Shared, [indicator]);
        var id = indicator.GetProperty("id").GetString()!;
        var page = await server.Alpha.GetObjectAsync(server.ApiRoot, server.Shared, id);
        Assert.Equal(indicator.GetRawText(), Assert.Single(page.Resource.Objects!).GetRawText());
        Assert.NotNull(page.DateAddedFirst);
        Assert.Equal(page.DateAddedFirst, page.DateAddedLast);

        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(server.Shared, $"objects/{id}/"), server.AlphaToken));
        using var json = await Assertions.TaxiiJsonAsync(response);
        Assert.True(response.Headers.Contains("X-TAXII-Date-Added-First"));
        Assert.True(response.Headers.Contains("X-TAXII-Date-Added-Last"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", response.Headers.GetValues("X-TAXII-Date-Added-First").Single());
        Assert.Equal("caf\u00e9 \u2603", json.RootElement.GetProperty("objects")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Get_objects_sends_the_posted_bytes_in_an_envelope_of_known_length_with_more_and_next_first()
    {
        var collection = await server.CollectionAsync("envelope bytes", (server.AlphaId, true, true));
        var first = StixObjects.Indicator(name: "caf\u00e9 \u2603");
        var second = StixObjects.Malware();
        await server.Alpha.AddObjectsAsync(server.ApiRoot, collection, [first]);
        await server.Alpha.AddObjectsAsync(server.ApiRoot, collection, [second]);

        using var whole = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(collection, "objects/"), server.AlphaToken));
        var body = await whole.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(body.Length, whole.Content.Headers.ContentLength);
        Assert.Equal($"{{\"objects\":[{first.GetRawText()},{second.GetRawText()}]}}", Encoding.UTF8.GetString(body));

        using var paged = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(collection, "objects/?limit=1"), server.AlphaToken));
        var last = paged.Headers.GetValues("X-TAXII-Date-Added-Last").Single();
        using var json = await Assertions.TaxiiJsonAsync(paged);
        Assert.Equal(["more", "next", "objects"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(first.GetRawText(), Assert.Single(json.RootElement.GetProperty("objects").EnumerateArray()).GetRawText());
        Assert.Equal(last, paged.Headers.GetValues("X-TAXII-Date-Added-First").Single());

        using var empty = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(collection, "objects/?match[type]=tool"), server.AlphaToken));
        Assert.Equal("{}", await empty.Content.ReadAsStringAsync());
        Assert.False(empty.Headers.Contains("X-TAXII-Date-Added-First"));
    }

    [Fact]
    public async Task Get_unknown_object_is_404()
    {
        var error = await Assert.ThrowsAsync<TaxiiException>(() => server.Alpha.GetObjectAsync(server.ApiRoot, server.Shared, StixObjects.NewId("indicator")));
        Assert.Equal(TaxiiErrorKind.Refused, error.Kind);
        Assert.Equal(HttpStatusCode.NotFound, error.HttpStatus);
        Assert.Equal("404", error.Error!.HttpStatus);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task Manifest_and_versions_describe_every_version()
    {
        var collection = await server.CollectionAsync("Versions", (server.AlphaId, true, true));
        var id = StixObjects.NewId("indicator");
        var versions = new[] { StixObjects.Timestamp(1), StixObjects.Timestamp(2), StixObjects.Timestamp(3) };
        foreach (var version in versions)
        {
            await server.Alpha.AddObjectsAsync(server.ApiRoot, collection, [StixObjects.Indicator(id, version)]);
        }

        var all = await server.Alpha.GetVersionsAsync(server.ApiRoot, collection, id);
        Assert.Equal(versions, all.Resource.Items);
        Assert.NotNull(all.DateAddedFirst);

        var manifest = await server.Alpha.GetManifestAsync(server.ApiRoot, collection, new TaxiiQuery { Versions = ["all"] });
        Assert.Equal(versions, manifest.Resource.Objects!.Select(r => r.Version));
        Assert.All(manifest.Resource.Objects!, r => Assert.Equal(TaxiiMediaTypes.Stix21, r.MediaType));
        Assert.Equal(manifest.Resource.Objects!.Select(r => r.DateAdded).Order(StringComparer.Ordinal), manifest.Resource.Objects!.Select(r => r.DateAdded));

        var latest = await server.Alpha.GetManifestAsync(server.ApiRoot, collection);
        Assert.Equal(versions[2], Assert.Single(latest.Resource.Objects!).Version);

        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(collection, $"objects/{id}/versions/"), server.AlphaToken));
        using var json = await Assertions.TaxiiJsonAsync(response);
        Assert.Equal(3, json.RootElement.GetProperty("versions").GetArrayLength());

        using var stixAccept = await server.Http.SendAsync(server.Request(HttpMethod.Get, server.CollectionUrl(collection, "manifest/"), server.AlphaToken, "application/taxii+json;version=2.1,application/stix+json;version=2.1"));
        using var manifestJson = await Assertions.TaxiiJsonAsync(stixAccept);
    }

    [Fact]
    public async Task Delete_removes_one_version_then_the_object()
    {
        var collection = await server.CollectionAsync("Delete", (server.AlphaId, true, true));
        var id = StixObjects.NewId("indicator");
        await server.Alpha.AddObjectsAsync(server.ApiRoot, collection, [StixObjects.Indicator(id, StixObjects.Timestamp(1)), StixObjects.Indicator(id, StixObjects.Timestamp(2))]);

        await server.Alpha.DeleteObjectAsync(server.ApiRoot, collection, id, new TaxiiQuery { Versions = [StixObjects.Timestamp(1)] });
        var remaining = await server.Alpha.GetVersionsAsync(server.ApiRoot, collection, id);
        Assert.Equal([StixObjects.Timestamp(2)], remaining.Resource.Items);

        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Delete, server.CollectionUrl(collection, $"objects/{id}/"), server.AlphaToken));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assertions.AssertTaxiiContentType(response);

        var gone = await Assert.ThrowsAsync<TaxiiException>(() => server.Alpha.GetObjectAsync(server.ApiRoot, collection, id));
        Assert.Equal(HttpStatusCode.NotFound, gone.HttpStatus);
        var again = await Assert.ThrowsAsync<TaxiiException>(() => server.Alpha.DeleteObjectAsync(server.ApiRoot, collection, id));
        Assert.Equal(HttpStatusCode.NotFound, again.HttpStatus);
        Assert.Null((await server.Alpha.GetManifestAsync(server.ApiRoot, collection)).Resource.Objects);
    }

    [Fact]
    public async Task Permissions_follow_the_delete_table_and_can_read_can_write()
    {
        var id = StixObjects.Indicator();
        await server.Alpha.AddObjectsAsync(server.ApiRoot, server.Shared, [id]);
        var objectPath = $"objects/{id.GetProperty("id").GetString()}/";

        // beta: read-only on Shared, write-only on Dropbox, nothing on Secret.
        await ExpectAsync(HttpMethod.Delete, server.Shared, objectPath, server.BetaToken, 403);
        await ExpectAsync(HttpMethod.Delete, server.Dropbox, objectPath, server.BetaToken, 403);
        await ExpectAsync(HttpMethod.Delete, server.Secret, objectPath, server.BetaToken, 404);
        await ExpectAsync(HttpMethod.Get, server.Dropbox, "objects/", server.BetaToken, 403);
        await ExpectAsync(HttpMethod.Get, server.Dropbox, "manifest/", server.BetaToken, 403);
        await ExpectAsync(HttpMethod.Get, server.Dropbox, objectPath + "versions/", server.BetaToken, 403);

        var readOnly = await Assert.ThrowsAsync<TaxiiException>(() => server.Client(server.BetaToken).AddObjectsAsync(server.ApiRoot, server.Shared, [StixObjects.Malware()]));
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.HttpStatus);
        var status = await server.Client(server.BetaToken).AddObjectsAsync(server.ApiRoot, server.Dropbox, [StixObjects.Malware()]);
        Assert.Equal(1, status.SuccessCount);
        var hidden = await Assert.ThrowsAsync<TaxiiException>(() => server.Client(server.GammaToken).AddObjectsAsync(server.ApiRoot, server.Shared, [StixObjects.Malware()]));
        Assert.Equal(HttpStatusCode.NotFound, hidden.HttpStatus);
    }

    [Fact]
    public async Task Healthz_answers_without_credentials()
    {
        using var response = await server.Http.GetAsync(server.Url("/healthz"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ok", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_authentication_works_for_users()
    {
        var client = new TaxiiClient(server.Http, TaxiiCredentials.Basic("alice", TaxiiServerFixture.Password));
        var collections = await client.GetCollectionsAsync(server.ApiRoot);
        Assert.Contains(collections, c => c.Id == server.Secret);

        var request = server.Request(HttpMethod.Get, server.Discovery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:" + TaxiiServerFixture.Password)));
        using var response = await server.Http.SendAsync(request);
        using var json = await Assertions.TaxiiJsonAsync(response);
    }

    [Fact]
    public async Task The_token_scheme_of_taxii2_client_is_a_synonym_of_bearer()
    {
        var request = server.Request(HttpMethod.Get, server.Discovery);
        request.Headers.TryAddWithoutValidation("Authorization", "Token " + server.AlphaToken);
        using var response = await server.Http.SendAsync(request);
        using var json = await Assertions.TaxiiJsonAsync(response);
    }

    private async Task ExpectAsync(HttpMethod method, string collection, string rest, string token, int status)
    {
        using var response = await server.Http.SendAsync(server.Request(method, server.CollectionUrl(collection, rest), token));
        await Assertions.TaxiiErrorAsync(response, status);
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Concord.Federation.Tests.Support;
using Concord.Sharing.Audit;
using Concord.Stix.Model.Meta;
using Concord.Taxii;
using Concord.Taxii.Server.Signing;
using NSec.Cryptography;

namespace Concord.Federation.Tests;

/// <summary>
/// Node A pushes its outbox to node B's inbox (both real nodes enforcing their own policy). A's agreement with B covers
/// TLP:GREEN only, and allows no personal data; B's agreement with A the same.
/// </summary>
public sealed class PushTests : IAsyncLifetime
{
    private TestNode a = null!;
    private TestNode b = null!;
    private Guid outbox;

    public async Task InitializeAsync()
    {
        a = await TestNode.StartAsync("a");
        b = await TestNode.StartAsync("b");
        outbox = await a.CollectionAsync("A outbox", a.OrganizationId);
        await a.OrganizationAsync("b");
        await b.OrganizationAsync("a");
        await a.AgreementAsync("a-b", ["org:a", "org:b"], "green");
        await b.AgreementAsync("a-b", ["org:a", "org:b"], "green");
    }

    public async Task DisposeAsync()
    {
        await b.DisposeAsync();
        await a.DisposeAsync();
    }

    [Fact]
    public async Task A_push_delivers_what_the_agreement_allows_and_nothing_else()
    {
        var green = StixObjects.Indicator(TlpLevel.Green, address: 1);
        var amber = StixObjects.Indicator(TlpLevel.Amber, address: 2);
        var red = StixObjects.Indicator(TlpLevel.Red, address: 3).NamingRecipients(a.OrganizationId);
        await a.AddAsync(outbox, StixObjects.Json(green, amber, red));
        var toB = await a.AddPushPeerAsync(b);
        using var pusher = a.Pusher();

        var state = await pusher.PushAsync(toB);

        Assert.Null(state.LastError);
        var received = await b.ObjectsAsync(Inbox(b, "a"));
        Assert.Equal(Id(green), Assert.Single(received).GetProperty("id").GetString());
        var denials = a.Audit.OfKind(AuditEntryKind.Denial).Where(e => e.Channel == AuditChannels.Federation && e.Organization?.Name == "b").SelectMany(e => e.Objects).Select(o => o.Id);
        Assert.Equal(new[] { Id(amber), Id(red) }.Order(StringComparer.Ordinal), denials.Order(StringComparer.Ordinal));
        Assert.Equal(2, state.Collections[outbox].Denied);
        Assert.Equal(1, state.Collections[outbox].Accepted);
        Assert.Equal(a.IdentityId, Assert.Single(ProvenanceLog.Read(b.Directory, "a")).OriginNode);
        var status = Assert.Single(PeerStatus.Of(a.Registry, DateTimeOffset.UtcNow));
        Assert.Equal((toB.PushTo, 1L, 0L, 2L, (string?)null), (status.PushTo, status.Pushed, status.PushFailed, status.PushDenied, status.LastPushError));
    }

    [Fact]
    public async Task Personal_data_is_masked_on_the_way_out_and_the_redaction_audited()
    {
        var personal = StixObjects.Indicator(TlpLevel.Green, "Reported by jane.doe@example.org.");
        await a.AddAsync(outbox, StixObjects.Json(personal));
        var toB = await a.AddPushPeerAsync(b);
        using var pusher = a.Pusher();

        await pusher.PushAsync(toB);

        var stored = Assert.Single(await b.ObjectsAsync(Inbox(b, "a")));
        Assert.DoesNotContain("jane.doe@example.org", stored.GetRawText(), StringComparison.Ordinal);
        var redaction = Assert.Single(a.Audit.OfKind(AuditEntryKind.Redaction));
        Assert.Equal(AuditChannels.Federation, redaction.Channel);
        Assert.Equal(["$.description"], Assert.Single(redaction.Objects).Paths);
    }

    [Fact]
    public async Task A_page_answered_503_then_accepted_is_retried_and_delivered_once()
    {
        await a.AddAsync(outbox, StixObjects.Json([.. Enumerable.Range(0, 5).Select(n => StixObjects.Indicator(TlpLevel.Green, address: n))]));
        var toB = await a.AddPushPeerAsync(b);
        b.PostFailures.Enqueue(503);
        using var pusher = a.Pusher();

        var state = await pusher.PushAsync(toB);

        Assert.Null(state.LastError);
        Assert.Equal(2, b.Posts);
        Assert.Equal(5, (await b.ObjectsAsync(Inbox(b, "a"))).Count);
        var ingest = Assert.Single(b.Audit.OfKind(AuditEntryKind.Ingest));
        Assert.All(ingest.Objects, o => Assert.Equal("added", o.Outcome));
        Assert.Equal(5, state.Collections[outbox].Accepted);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_delay_it_asks_for_and_one_asking_too_long_is_left_to_the_next_push()
    {
        await a.AddAsync(outbox, StixObjects.Json(StixObjects.Indicator(TlpLevel.Green)));
        var toB = await a.AddPushPeerAsync(b);
        b.PostFailures.Enqueue(429);
        b.RetryAfterSeconds = 5;
        using var pusher = a.Pusher();

        var tooLong = await pusher.PushAsync(toB);
        b.PostFailures.Enqueue(429);
        b.RetryAfterSeconds = 0;
        var retried = await pusher.PushAsync(toB);

        Assert.Contains("asked to wait 5 s, longer than 1 s", tooLong.LastError, StringComparison.Ordinal);
        Assert.Null(retried.LastError);
        Assert.Equal(3, b.Posts);
        Assert.Single(await b.ObjectsAsync(Inbox(b, "a")));
    }

    [Fact]
    public async Task A_refusal_other_than_429_is_permanent_and_named_and_the_cursor_stays()
    {
        await a.AddAsync(outbox, StixObjects.Json(StixObjects.Indicator(TlpLevel.Green)));
        var toB = await a.AddPushPeerAsync(b);
        b.PostFailures.Enqueue(400);
        using var pusher = a.Pusher();

        var refused = await pusher.PushAsync(toB);
        var retried = await pusher.PushAsync(toB);

        Assert.Contains("peer 'b', local collection " + outbox.ToString("D"), refused.LastError, StringComparison.Ordinal);
        Assert.Contains("400", refused.LastError, StringComparison.Ordinal);
        Assert.Contains("permanent", refused.LastError, StringComparison.Ordinal);
        Assert.Null(retried.LastError);
        Assert.Equal(2, b.Posts);
        Assert.Single(await b.ObjectsAsync(Inbox(b, "a")));
    }

    [Fact]
    public async Task A_push_stopped_between_the_POST_and_the_cursor_save_sends_the_page_again_without_loss_or_duplicates()
    {
        const int Count = 250;
        await a.AddAsync(outbox, StixObjects.Json([.. Enumerable.Range(0, Count).Select(n => StixObjects.Indicator(TlpLevel.Green, address: n))]));
        var toB = await a.AddPushPeerAsync(b);
        using var killed = new CancellationTokenSource();
        b.AfterPost = () =>
        {
            // The second page is stored on B; the process dies before it hears back, so the cursor stays after the first.
            if (b.Posts == 2)
            {
                killed.Cancel();
            }
        };
        using (var first = a.Pusher())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.PushAsync(toB, cancellationToken: killed.Token));
        }

        Assert.Equal(100, PeerPushState.Load(a.Directory, "b").Collections[outbox].Accepted);
        b.AfterPost = null;
        using var restarted = a.Pusher();
        var state = await restarted.PushAsync(toB);

        Assert.Null(state.LastError);
        Assert.Equal(4, b.Posts);
        var received = await b.ObjectsAsync(Inbox(b, "a"));
        Assert.Equal(Count, received.Count);
        Assert.Equal(Count, received.Select(o => o.GetProperty("id").GetString()).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Count, state.Collections[outbox].Accepted);
    }

    [Theory]
    [InlineData(false, HttpStatusCode.Unauthorized, "has no X-Concord-Signature header")]
    [InlineData(true, HttpStatusCode.Forbidden, "does not match the request")]
    public async Task A_push_from_a_peer_without_a_valid_request_signature_is_refused_and_audited(bool signed, HttpStatusCode expected, string check)
    {
        await a.AddPushPeerAsync(b);
        var toB = a.Registry.Find("b")!;
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["objects"] = new JsonArray(StixObjects.Indicator(TlpLevel.Green)) }.ToJsonString());
        var url = new Uri(b.ApiRoot, $"collections/{toB.PushTo}/objects/");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(TaxiiMediaTypes.Taxii21);
        request.Headers.Accept.ParseAdd(TaxiiMediaTypes.Taxii21);
        request.Headers.Authorization = TaxiiCredentials.Bearer(Environment.GetEnvironmentVariable(toB.TokenVariable!)!).ToHeader();
        if (signed)
        {
            using var stranger = Key.Create(SignatureAlgorithm.Ed25519);
            request.Headers.Add(EnvelopeSignature.HeaderName, EnvelopeSignature.SignRequest(stranger, a.IdentityId, "POST", url.PathAndQuery, body));
        }

        using var response = await a.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        var refusal = Assert.Single(b.Audit.OfKind(AuditEntryKind.SignatureRefused));
        Assert.Contains(check, refusal.Reason, StringComparison.Ordinal);
        Assert.Equal("a", refusal.Actor?.Name);
        Assert.Empty(await b.ObjectsAsync(Inbox(b, "a")));
        Assert.Empty(b.Audit.OfKind(AuditEntryKind.Ingest));
    }

    private static Guid Inbox(TestNode node, string peer) => node.Registry.Find(peer)!.Inbox!.Value;

    private static string Id(JsonObject obj) => obj["id"]!.GetValue<string>();
}

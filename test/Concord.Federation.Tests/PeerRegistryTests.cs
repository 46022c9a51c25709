// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Federation.Tests;

public sealed class PeerRegistryTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "concord-peers-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Peer Sample(string name = "cert-b") => new(name, new Uri("https://b.example/taxii2/api1/"), Guid.NewGuid())
    {
        PublicKeyPem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n",
        TokenVariable = "CONCORD_PEER_B_TOKEN",
        Interval = TimeSpan.FromSeconds(90),
        Collections = [new PeerCollection("91a7b528-80eb-42ed-a74d-c6fbd5a26116", Guid.NewGuid())],
    };

    [Fact]
    public void Peers_added_are_listed_by_a_new_registry_on_the_same_directory_and_removed_for_good()
    {
        var peer = Sample();
        new PeerRegistry(directory).Add(peer);
        new PeerRegistry(directory).Add(Sample("cert-a"));

        var reopened = new PeerRegistry(directory);
        Assert.Equal(["cert-a", "cert-b"], reopened.List().Select(p => p.Name));
        var found = reopened.Find("cert-b")!;
        Assert.Equal(peer.ApiRoot, found.ApiRoot);
        Assert.Equal(peer.Interval, found.Interval);
        Assert.Equal(peer.Collections, found.Collections);
        Assert.Equal(peer.TokenVariable, found.TokenVariable);

        Assert.True(reopened.Remove("cert-b"));
        Assert.False(reopened.Remove("cert-b"));
        Assert.Equal(["cert-a"], new PeerRegistry(directory).List().Select(p => p.Name));
        Assert.False(File.Exists(Path.Combine(directory, PeerRegistry.FileName + ".tmp")));
    }

    public static TheoryData<string, string> BadPeers => new()
    {
        { "Bad Name", "'Bad Name' is not a valid peer name" },
        { "unsigned-without-key", "needs the public key its node signs with" },
        { "twice", "a peer with this name exists" },
    };

    [Theory]
    [MemberData(nameof(BadPeers))]
    public void A_bad_peer_is_refused_with_a_message_naming_it(string name, string expected)
    {
        var registry = new PeerRegistry(directory);
        var peer = name == "unsigned-without-key" ? Sample(name) with { PublicKeyPem = null } : Sample(name);
        if (name == "twice")
        {
            registry.Add(peer);
        }

        var error = Assert.Throws<FederationException>(() => registry.Add(peer));
        Assert.Equal(name, error.Peer);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_peers_file_is_reported_with_its_path()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, PeerRegistry.FileName), "[{\"name\": 1}");

        var error = Assert.Throws<FederationException>(() => new PeerRegistry(directory).List());
        Assert.Contains(PeerRegistry.FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a valid peer list", error.Message, StringComparison.Ordinal);
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Text.Json;
using Concord.Federation.Internal;

namespace Concord.Federation;

/// <summary>
/// The node's peers, kept in <c>peers.json</c> in the data directory and replaced atomically on every change.
/// </summary>
/// <remarks>
/// A data-directory file rather than a table of the store: peers are node configuration an operator may read and back up
/// with the key files, and one file serves every storage engine (SQLite and PostgreSQL) without a new storage contract.
/// Thread-safe within a process; concurrent <c>concord peer</c> commands on one directory are the operator's to avoid.
/// </remarks>
public sealed class PeerRegistry
{
    /// <summary>The file name in the data directory.</summary>
    public const string FileName = "peers.json";

    private static readonly SearchValues<char> NameCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_");
    private readonly string path;
    private readonly Lock gate = new();

    // The parsed list and the file's stamp when it was read: the ingest gate asks on every POST, and peers.json changes
    // only when an operator adds or removes a peer (possibly from another process, hence the stamp, not an in-process flag).
    private (DateTime Written, long Length, Peer[] Peers)? cached;

    /// <summary>Opens the registry of a data directory (the file is created by the first <see cref="Add"/>).</summary>
    /// <param name="dataDirectory">The node's data directory.</param>
    public PeerRegistry(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        DataDirectory = dataDirectory;
        path = Path.Combine(dataDirectory, FileName);
    }

    /// <summary>The data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>Whether a name can name a peer.</summary>
    /// <param name="name">The name.</param>
    public static bool IsValidName(string name) => name is { Length: > 0 and <= 64 } && !name.AsSpan().ContainsAnyExcept(NameCharacters);

    /// <summary>The peers, by name.</summary>
    /// <exception cref="FederationException"><c>peers.json</c> cannot be read or is not valid.</exception>
    public IReadOnlyList<Peer> List()
    {
        lock (gate)
        {
            return Current();
        }
    }

    /// <summary>Finds a peer by name; null when there is none.</summary>
    /// <param name="name">The name.</param>
    /// <exception cref="FederationException"><c>peers.json</c> cannot be read or is not valid.</exception>
    public Peer? Find(string name) => List().FirstOrDefault(peer => peer.Name == name);

    /// <summary>Adds a peer.</summary>
    /// <param name="peer">The peer.</param>
    /// <exception cref="FederationException">The name is invalid or taken, a signed peer has no public key, or the file cannot be written.</exception>
    public void Add(Peer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (!IsValidName(peer.Name))
        {
            throw new FederationException(peer.Name, null, $"'{peer.Name}' is not a valid peer name: use 1 to 64 of a-z, 0-9, '-' and '_'.");
        }

        if (peer.PublicKeyPem is null && !peer.Unsigned)
        {
            throw new FederationException(peer.Name, null, "a peer needs the public key its node signs with, unless it is explicitly configured as unsigned.");
        }

        lock (gate)
        {
            var peers = Read();
            if (peers.Any(existing => existing.Name == peer.Name))
            {
                throw new FederationException(peer.Name, null, "a peer with this name exists; remove it first.");
            }

            peers.Add(peer);
            Write(peers);
        }
    }

    /// <summary>Removes a peer; its sync state and provenance stay (they describe data that is still stored).</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether it existed.</returns>
    /// <exception cref="FederationException">The file cannot be read or written.</exception>
    public bool Remove(string name)
    {
        lock (gate)
        {
            var peers = Read();
            if (peers.RemoveAll(peer => peer.Name == name) == 0)
            {
                return false;
            }

            Write(peers);
            return true;
        }
    }

    /// <summary>The path of the token file of a peer whose token was given on standard input (owner-only).</summary>
    /// <param name="name">The peer's name.</param>
    public string TokenPathOf(string name) => Path.Combine(DataDirectory, "federation", name, "token");

    /// <summary>Keeps a peer's API token in its owner-only token file, for a peer without <see cref="Peer.TokenVariable"/>.</summary>
    /// <param name="name">The peer's name.</param>
    /// <param name="token">The token.</param>
    public void SaveToken(string name, string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        AtomicFile.Write(TokenPathOf(name), System.Text.Encoding.UTF8.GetBytes(token));
    }

    /// <summary>A peer's API token: from its environment variable, else its token file; null when it has neither.</summary>
    /// <param name="peer">The peer.</param>
    /// <exception cref="FederationException">The configured environment variable is not set.</exception>
    public string? TokenOf(Peer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (peer.TokenVariable is { } variable)
        {
            var token = Environment.GetEnvironmentVariable(variable);
            return string.IsNullOrEmpty(token)
                ? throw new FederationException(peer.Name, null, $"the environment variable {variable} that holds the peer's token is not set.")
                : token;
        }

        var path = TokenPathOf(peer.Name);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    private List<Peer> Read() => [.. Current()];

    private Peer[] Current()
    {
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return [];
            }

            if (cached is { } known && known.Written == file.LastWriteTimeUtc && known.Length == file.Length)
            {
                return known.Peers;
            }

            var peers = JsonSerializer.Deserialize(File.ReadAllBytes(path), FederationJsonContext.Default.ListPeer) ?? [];
            Peer[] sorted = [.. peers.OrderBy(peer => peer.Name, StringComparer.Ordinal)];
            cached = (file.LastWriteTimeUtc, file.Length, sorted);
            return sorted;
        }
        catch (JsonException e)
        {
            throw new FederationException(null, null, $"{path} is not a valid peer list: {e.Message}");
        }
        catch (IOException e)
        {
            throw new FederationException(null, null, $"{path} cannot be read: {e.Message}");
        }
    }

    private void Write(List<Peer> peers)
    {
        try
        {
            AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(peers, FederationJsonContext.Default.ListPeer));
            cached = null;
        }
        catch (IOException e)
        {
            throw new FederationException(null, null, $"{path} cannot be written: {e.Message}");
        }
    }
}

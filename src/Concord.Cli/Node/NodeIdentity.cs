// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Stix.Json;
using Concord.Stix.Validation;
using NSec.Cryptography;

namespace Concord.Cli.Node;

/// <summary>
/// The node's identity: a STIX 2.1 <c>identity</c> object (<c>node-identity.json</c>) and an Ed25519 key pair
/// (<c>node-key.pem</c>, readable by the owner only, and <c>node-key.pub.pem</c>) in the data directory.
/// </summary>
internal sealed class NodeIdentity
{
    public const string IdentityFile = "node-identity.json";
    public const string PrivateKeyFile = "node-key.pem";
    public const string PublicKeyFile = "node-key.pub.pem";

    private NodeIdentity(string stixId, string name, string publicKeyPem)
    {
        StixId = stixId;
        Name = name;
        PublicKeyPem = publicKeyPem;
    }

    /// <summary>The STIX id of the node's identity object.</summary>
    public string StixId { get; }

    /// <summary>The node's name.</summary>
    public string Name { get; }

    /// <summary>The Ed25519 public key, PEM (SubjectPublicKeyInfo).</summary>
    public string PublicKeyPem { get; }

    public static bool Exists(string dataDirectory) => File.Exists(Path.Combine(dataDirectory, IdentityFile));

    /// <summary>Creates the identity and key pair; refuses to overwrite an existing one.</summary>
    public static NodeIdentity Create(string dataDirectory, string name, DateTimeOffset now)
    {
        Directory.CreateDirectory(dataDirectory);
        var identityPath = Path.Combine(dataDirectory, IdentityFile);
        if (File.Exists(identityPath))
        {
            throw new InvalidOperationException($"{identityPath} exists: this data directory is already initialised.");
        }

        var algorithm = SignatureAlgorithm.Ed25519;
        using var key = Key.Create(algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var privatePem = key.Export(KeyBlobFormat.PkixPrivateKeyText);
        var publicPem = key.PublicKey.Export(KeyBlobFormat.PkixPublicKeyText);
        WritePrivate(Path.Combine(dataDirectory, PrivateKeyFile), privatePem);
        File.WriteAllBytes(Path.Combine(dataDirectory, PublicKeyFile), publicPem);

        var timestamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var id = $"identity--{Guid.NewGuid():D}";
        var identity = new JsonObject
        {
            ["type"] = "identity",
            ["spec_version"] = "2.1",
            ["id"] = id,
            ["created"] = timestamp,
            ["modified"] = timestamp,
            ["name"] = name,
            ["description"] = "A Concord node.",
            ["identity_class"] = "system",
        };
        var json = identity.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        using (var document = StixJson.Parse(json, identityPath))
        {
            var report = new StixValidator().Validate(document.RootElement);
            if (!report.IsValid)
            {
                throw new InvalidOperationException($"The node identity is not valid STIX: {report.Errors[0]}");
            }
        }

        File.WriteAllText(identityPath, json + "\n", new UTF8Encoding(false));
        return new NodeIdentity(id, name, Encoding.ASCII.GetString(publicPem));
    }

    /// <summary>Loads the identity and checks that the private key matches the public key.</summary>
    public static NodeIdentity Load(string dataDirectory)
    {
        var identityPath = Path.Combine(dataDirectory, IdentityFile);
        using var document = StixJson.Parse(File.ReadAllBytes(identityPath), identityPath);
        var root = document.RootElement;
        var id = root.GetProperty("id").GetString() ?? throw new InvalidDataException($"{identityPath} has no id.");
        var name = root.GetProperty("name").GetString() ?? id;
        var publicPem = File.ReadAllBytes(Path.Combine(dataDirectory, PublicKeyFile));
        var algorithm = SignatureAlgorithm.Ed25519;
        using var key = Key.Import(algorithm, File.ReadAllBytes(Path.Combine(dataDirectory, PrivateKeyFile)), KeyBlobFormat.PkixPrivateKeyText);
        var publicKey = PublicKey.Import(algorithm, publicPem, KeyBlobFormat.PkixPublicKeyText);
        if (!key.PublicKey.Equals(publicKey))
        {
            throw new InvalidDataException($"{PrivateKeyFile} and {PublicKeyFile} in {dataDirectory} are not a key pair.");
        }

        return new NodeIdentity(id, name, Encoding.ASCII.GetString(publicPem));
    }

    /// <summary>The node's Ed25519 private key, which signs audit checkpoints; the caller disposes it.</summary>
    public static Key LoadSigningKey(string dataDirectory) =>
        Key.Import(SignatureAlgorithm.Ed25519, File.ReadAllBytes(Path.Combine(dataDirectory, PrivateKeyFile)), KeyBlobFormat.PkixPrivateKeyText);

    private static void WritePrivate(string path, byte[] content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>An Artifact: an array of bytes, as a base64 payload or a URL to it (section 6.1.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Artifact(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>artifact</c> (section 6.1.1).</summary>
    public const string TypeName = "artifact";

    /// <summary><c>mime_type</c>: Whenever feasible, this value SHOULD be one of the values defined in the Template column in the IANA media type registry [Media Types] (section 6.1.1).</summary>
    public string? MimeType => GetString("mime_type");

    /// <summary><c>payload_bin</c>: Specifies the binary data contained in the artifact as a base64-encoded string (section 6.1.1).</summary>
    public string? PayloadBin => GetString("payload_bin");

    /// <summary><c>url</c>: The value of this property MUST be a valid URL that resolves to the unencoded content (section 6.1.1).</summary>
    public string? Url => GetString("url");

    /// <summary><c>hashes</c>: Specifies a dictionary of hashes for the contents of the url or the payload_bin (section 6.1.1).</summary>
    public IReadOnlyDictionary<string, string> Hashes => GetStringDictionary("hashes");

    /// <summary><c>encryption_algorithm</c>: If the artifact is encrypted, specifies the type of encryption algorithm the binary data (either via payload_bin or url) is encoded in (section 6.1.1).</summary>
    public string? EncryptionAlgorithm => GetString("encryption_algorithm");

    /// <summary><c>decryption_key</c>: Specifies the decryption key for the encrypted binary data (either via payload_bin or url) (section 6.1.1).</summary>
    public string? DecryptionKey => GetString("decryption_key");
}

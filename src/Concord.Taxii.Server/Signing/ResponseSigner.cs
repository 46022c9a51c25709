// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using NSec.Cryptography;

namespace Concord.Taxii.Server.Signing;

/// <summary>The key a node signs its TAXII responses with (<see cref="EnvelopeSignature"/>).</summary>
/// <param name="Key">The node's Ed25519 private key; its lifetime is the caller's and must cover the server's.</param>
/// <param name="KeyId">The node's STIX identity id, sent as the signature's <c>keyid</c>.</param>
public sealed record ResponseSigner(Key Key, string KeyId);

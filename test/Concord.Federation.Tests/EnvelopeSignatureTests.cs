// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using Concord.Taxii.Server.Signing;
using CsCheck;
using NSec.Cryptography;

namespace Concord.Federation.Tests;

public sealed class EnvelopeSignatureTests : IDisposable
{
    private const string Target = "/taxii2/api1/collections/c/objects/?added_after=2024-01-01T00%3A00%3A00.000000Z";
    private const string First = "2024-01-01T00:00:00.000001Z";
    private const string Last = "2024-01-01T00:00:00.000002Z";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"objects\":[{\"id\":\"indicator--x\"}]}");

    private readonly Key key = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key other = Key.Create(SignatureAlgorithm.Ed25519);

    public void Dispose()
    {
        key.Dispose();
        other.Dispose();
    }

    [Fact]
    public void A_signed_response_verifies_with_the_signers_public_key_and_names_its_key_id()
    {
        var header = EnvelopeSignature.Sign(key, "identity--a", Target, First, Last, Body);

        Assert.StartsWith("keyid=identity--a, alg=ed25519, sig=", header, StringComparison.Ordinal);
        Assert.Equal("identity--a", EnvelopeSignature.Verify(key.PublicKey, header, Target, First, Last, Body, out var failure));
        Assert.Empty(failure);
    }

    public static TheoryData<string, string> Tampering => new()
    {
        { "body", "does not match" },
        { "target", "does not match" },
        { "first", "does not match" },
        { "last", "does not match" },
        { "key", "does not match" },
        { "missing", "has no X-Concord-Signature header" },
        { "garbage", "is not 'keyid=..., alg=ed25519, sig=<base64url>'" },
        { "algorithm", "algorithm is 'rsa', not ed25519" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public void A_response_altered_or_signed_otherwise_is_refused_with_the_check_that_failed(string change, string expected)
    {
        var header = EnvelopeSignature.Sign(key, "identity--a", Target, First, Last, Body);
        var body = change == "body" ? Encoding.UTF8.GetBytes("{\"objects\":[{\"id\":\"indicator--y\"}]}") : Body;
        var verified = EnvelopeSignature.Verify(
            change == "key" ? other.PublicKey : key.PublicKey,
            change switch { "missing" => null, "garbage" => "sig", "algorithm" => header.Replace("ed25519", "rsa", StringComparison.Ordinal), _ => header },
            change == "target" ? Target.Replace("objects", "manifest", StringComparison.Ordinal) : Target,
            change == "first" ? Last : First,
            change == "last" ? First : Last,
            body,
            out var failure);

        Assert.Null(verified);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_single_changed_byte_of_the_body_breaks_the_signature()
    {
        var header = EnvelopeSignature.Sign(key, "identity--a", Target, First, Last, Body);
        Gen.Int[0, Body.Length - 1].Select(Gen.Byte[1, 255]).Sample((index, delta) =>
        {
            var altered = (byte[])Body.Clone();
            altered[index] ^= delta;
            return EnvelopeSignature.Verify(key.PublicKey, header, Target, First, Last, altered, out _) is null;
        });
    }
}

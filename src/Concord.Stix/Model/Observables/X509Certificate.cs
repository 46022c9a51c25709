// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>An X.509 Certificate: the properties of an X.509 certificate (section 6.18.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class X509Certificate(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>x509-certificate</c> (section 6.18.1).</summary>
    public const string TypeName = "x509-certificate";

    /// <summary><c>is_self_signed</c>: Specifies whether the certificate is self-signed, i.e., whether it is signed by the same entity whose identity it certifies (section 6.18.1).</summary>
    public bool? IsSelfSigned => GetBoolean("is_self_signed");

    /// <summary><c>hashes</c>: Specifies any hashes that were calculated for the entire contents of the certificate (section 6.18.1).</summary>
    public IReadOnlyDictionary<string, string> Hashes => GetStringDictionary("hashes");

    /// <summary><c>version</c>: Specifies the version of the encoded certificate (section 6.18.1).</summary>
    public string? Version => GetString("version");

    /// <summary><c>serial_number</c>: Specifies the unique identifier for the certificate, as issued by a specific Certificate Authority (section 6.18.1).</summary>
    public string? SerialNumber => GetString("serial_number");

    /// <summary><c>signature_algorithm</c>: Specifies the name of the algorithm used to sign the certificate (section 6.18.1).</summary>
    public string? SignatureAlgorithm => GetString("signature_algorithm");

    /// <summary><c>issuer</c>: Specifies the name of the Certificate Authority that issued the certificate (section 6.18.1).</summary>
    public string? Issuer => GetString("issuer");

    /// <summary><c>validity_not_before</c>: Specifies the date on which the certificate validity period begins (section 6.18.1).</summary>
    public StixTimestamp? ValidityNotBefore => GetTimestamp("validity_not_before");

    /// <summary><c>validity_not_after</c>: Specifies the date on which the certificate validity period ends (section 6.18.1).</summary>
    public StixTimestamp? ValidityNotAfter => GetTimestamp("validity_not_after");

    /// <summary><c>subject</c>: Specifies the name of the entity associated with the public key stored in the subject public key field of the certificate (section 6.18.1).</summary>
    public string? Subject => GetString("subject");

    /// <summary><c>subject_public_key_algorithm</c>: Specifies the name of the algorithm with which to encrypt data being sent to the subject (section 6.18.1).</summary>
    public string? SubjectPublicKeyAlgorithm => GetString("subject_public_key_algorithm");

    /// <summary><c>subject_public_key_modulus</c>: Specifies the modulus portion of the subject's public RSA key (section 6.18.1).</summary>
    public string? SubjectPublicKeyModulus => GetString("subject_public_key_modulus");

    /// <summary><c>subject_public_key_exponent</c>: Specifies the exponent portion of the subject's public RSA key, as an integer (section 6.18.1).</summary>
    public long? SubjectPublicKeyExponent => GetInt64("subject_public_key_exponent");

    /// <summary><c>x509_v3_extensions</c>: Specifies any standard X.509 v3 extensions that may be used in the certificate (section 6.18.1).</summary>
    public X509V3Extensions? X509V3Extensions => GetObject("x509_v3_extensions", e => new X509V3Extensions(e));
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>The X.509 v3 extensions of a certificate (section 6.18.2).</summary>
/// <param name="json">The JSON object.</param>
public sealed class X509V3Extensions(JsonElement json) : StixElement(json)
{
    /// <summary><c>basic_constraints</c>: Specifies a multi-valued extension which indicates whether a certificate is a CA certificate (section 6.18.2).</summary>
    public string? BasicConstraints => GetString("basic_constraints");

    /// <summary><c>name_constraints</c>: Specifies a namespace within which all subject names in subsequent certificates in a certification path MUST be located (section 6.18.2).</summary>
    public string? NameConstraints => GetString("name_constraints");

    /// <summary><c>policy_constraints</c>: Specifies any constraints on path validation for certificates issued to CAs (section 6.18.2).</summary>
    public string? PolicyConstraints => GetString("policy_constraints");

    /// <summary><c>key_usage</c>: Specifies a multi-valued extension consisting of a list of names of the permitted key usages (section 6.18.2).</summary>
    public string? KeyUsage => GetString("key_usage");

    /// <summary><c>extended_key_usage</c>: Specifies a list of usages indicating purposes for which the certificate public key can be used for (section 6.18.2).</summary>
    public string? ExtendedKeyUsage => GetString("extended_key_usage");

    /// <summary><c>subject_key_identifier</c>: Specifies the identifier that provides a means of identifying certificates that contain a particular public key (section 6.18.2).</summary>
    public string? SubjectKeyIdentifier => GetString("subject_key_identifier");

    /// <summary><c>authority_key_identifier</c>: Specifies the identifier that provides a means of identifying the public key corresponding to the private key used to sign a certificate (section 6.18.2).</summary>
    public string? AuthorityKeyIdentifier => GetString("authority_key_identifier");

    /// <summary><c>subject_alternative_name</c>: Specifies the additional identities to be bound to the subject of the certificate (section 6.18.2).</summary>
    public string? SubjectAlternativeName => GetString("subject_alternative_name");

    /// <summary><c>issuer_alternative_name</c>: Specifies the additional identities to be bound to the issuer of the certificate (section 6.18.2).</summary>
    public string? IssuerAlternativeName => GetString("issuer_alternative_name");

    /// <summary><c>subject_directory_attributes</c>: Specifies the identification attributes (e.g., nationality) of the subject (section 6.18.2).</summary>
    public string? SubjectDirectoryAttributes => GetString("subject_directory_attributes");

    /// <summary><c>crl_distribution_points</c>: Specifies how CRL information is obtained (section 6.18.2).</summary>
    public string? CrlDistributionPoints => GetString("crl_distribution_points");

    /// <summary><c>inhibit_any_policy</c>: Specifies the number of additional certificates that may appear in the path before anyPolicy is no longer permitted (section 6.18.2).</summary>
    public string? InhibitAnyPolicy => GetString("inhibit_any_policy");

    /// <summary><c>private_key_usage_period_not_before</c>: Specifies the date on which the validity period begins for the private key, if it is different from the validity period of the certificate (section 6.18.2).</summary>
    public StixTimestamp? PrivateKeyUsagePeriodNotBefore => GetTimestamp("private_key_usage_period_not_before");

    /// <summary><c>private_key_usage_period_not_after</c>: Specifies the date on which the validity period ends for the private key, if it is different from the validity period of the certificate (section 6.18.2).</summary>
    public StixTimestamp? PrivateKeyUsagePeriodNotAfter => GetTimestamp("private_key_usage_period_not_after");

    /// <summary><c>certificate_policies</c>: Specifies a sequence of one or more policy information terms, each of which consists of an object identifier (OID) and optional qualifiers (section 6.18.2).</summary>
    public string? CertificatePolicies => GetString("certificate_policies");

    /// <summary><c>policy_mappings</c>: Specifies one or more pairs of OIDs; each pair includes an issuerDomainPolicy and a subjectDomainPolicy (section 6.18.2).</summary>
    public string? PolicyMappings => GetString("policy_mappings");
}

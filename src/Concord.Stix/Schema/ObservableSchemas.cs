// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Validation;
using static Concord.Stix.Schema.PropertyTypes;

namespace Concord.Stix.Schema;

/// <summary>
/// The STIX Cyber-observable Objects of section 6 and their embedded types. The SCO common
/// properties (section 3.2) are added by <see cref="CommonProperties"/>; the predefined
/// extensions are in <see cref="ExtensionSchemas"/>.
/// </summary>
/// <remarks>
/// Value-format rules (addresses, domain names, URLs, …) are skipped when the object is
/// <c>defanged</c> (section 3.2), since defanging deliberately alters those values.
/// </remarks>
internal static class ObservableSchemas
{
    /// <summary>email-mime-part-type (section 6.6.2).</summary>
    public static ObjectSchema EmailMimePart { get; } = ObjectSchema.Embedded("email-mime-part-type", "6.6.2")
        .Optional("body", Text)
        .Optional("body_raw_ref", Ref("artifact", "file"))
        .Optional("content_type", Text)
        .Optional("content_disposition", Text)
        .AtLeastOneOf("body", "body_raw_ref")
        .Build();

    /// <summary>windows-registry-value-type (section 6.17.2).</summary>
    public static ObjectSchema WindowsRegistryValue { get; } = ObjectSchema.Embedded("windows-registry-value-type", "6.17.2")
        .Optional("name", Text)
        .Optional("data", Text)
        .Optional("data_type", Enum(Vocabularies.WindowsRegistryDatatype))
        .AtLeastOneOf("name", "data", "data_type")
        .Build();

    /// <summary>x509-v3-extensions-type (section 6.18.2).</summary>
    public static ObjectSchema X509V3Extensions { get; } = ObjectSchema.Embedded("x509-v3-extensions-type", "6.18.2")
        .Optional("basic_constraints", Text)
        .Optional("name_constraints", Text)
        .Optional("policy_constraints", Text)
        .Optional("key_usage", Text)
        .Optional("extended_key_usage", Text)
        .Optional("subject_key_identifier", Text)
        .Optional("authority_key_identifier", Text)
        .Optional("subject_alternative_name", Text)
        .Optional("issuer_alternative_name", Text)
        .Optional("subject_directory_attributes", Text)
        .Optional("crl_distribution_points", Text)
        .Optional("inhibit_any_policy", Text)
        .Optional("private_key_usage_period_not_before", Timestamp)
        .Optional("private_key_usage_period_not_after", Timestamp)
        .Optional("certificate_policies", Text)
        .Optional("policy_mappings", Text)
        .AtLeastOneOf(
            "basic_constraints", "name_constraints", "policy_constraints", "key_usage", "extended_key_usage",
            "subject_key_identifier", "authority_key_identifier", "subject_alternative_name", "issuer_alternative_name",
            "subject_directory_attributes", "crl_distribution_points", "inhibit_any_policy",
            "private_key_usage_period_not_before", "private_key_usage_period_not_after", "certificate_policies", "policy_mappings")
        .Build();

    /// <summary>The 18 SCOs of section 6, in section order.</summary>
    public static IEnumerable<ObjectSchema> All { get; } =
    [
        Artifact(),
        AutonomousSystem(),
        Directory(),
        DomainName(),
        EmailAddress(),
        EmailMessage(),
        File(),
        Ipv4Address(),
        Ipv6Address(),
        MacAddress(),
        Mutex(),
        NetworkTraffic(),
        Process(),
        Software(),
        Url(),
        UserAccount(),
        WindowsRegistryKey(),
        X509Certificate(),
    ];

    private static ObjectSchema Artifact() => ObjectSchema.For("artifact", ObjectCategory.Observable, "6.1")
        .Optional("mime_type", Text)
        .Optional("payload_bin", Binary)
        .Optional("url", Text)
        .Optional("hashes", Hashes)
        .Optional("encryption_algorithm", Enum(Vocabularies.EncryptionAlgorithm))
        .Optional("decryption_key", Text)
        .AtLeastOneOf("payload_bin", "url")
        .MutuallyExclusive("payload_bin", "url")
        .Requires("url", "hashes")
        .Requires("decryption_key", "encryption_algorithm")
        .IdContributingProperties("hashes", "payload_bin")
        .Build();

    private static ObjectSchema AutonomousSystem() => ObjectSchema.For("autonomous-system", ObjectCategory.Observable, "6.2")
        .Required("number", Integer)
        .Optional("name", Text)
        .Optional("rir", Text)
        .IdContributingProperties("number")
        .Build();

    private static ObjectSchema Directory() => ObjectSchema.For("directory", ObjectCategory.Observable, "6.3")
        .Required("path", Text)
        .Optional("path_enc", Text)
        .Optional("ctime", Timestamp)
        .Optional("mtime", Timestamp)
        .Optional("atime", Timestamp)
        .Optional("contains_refs", Refs("file", "directory"))
        .IdContributingProperties("path")
        .Build();

    private static ObjectSchema DomainName() => ObjectSchema.For("domain-name", ObjectCategory.Observable, "6.4")
        .Required("value", Text)
        .Optional("resolves_to_refs", Refs("ipv4-addr", "ipv6-addr", "domain-name"))
        .IdContributingProperties("value")
        .Rule(ctx =>
        {
            if (!IsDefanged(ctx) && ctx.TryGetString("value", out var value) && !ObservableFormats.IsDomainName(value))
            {
                ctx.Report(StixRules.DomainNameValue, "value", $"Expected a domain name conforming to RFC 1034/RFC 5890 (e.g. example.com) but found \"{value}\".");
            }
        })
        .Build();

    private static ObjectSchema EmailAddress() => ObjectSchema.For("email-addr", ObjectCategory.Observable, "6.5")
        .Required("value", Text)
        .Optional("display_name", Text)
        .Optional("belongs_to_ref", Ref("user-account"))
        .IdContributingProperties("value")
        .Rule(ctx =>
        {
            if (IsDefanged(ctx) || !ctx.TryGetString("value", out var value))
            {
                return;
            }

            var at = value.LastIndexOf('@');
            if (at <= 0 || at == value.Length - 1 || value.AsSpan().IndexOfAny('<', '>') >= 0)
            {
                ctx.Report(StixRules.EmailAddrValue, "value", $"Expected an addr-spec such as jane.smith@example.com (without a display name or angle brackets) but found \"{value}\".");
            }
        })
        .Build();

    private static ObjectSchema EmailMessage() => ObjectSchema.For("email-message", ObjectCategory.Observable, "6.6")
        .Required("is_multipart", Bool)
        .Optional("date", Timestamp)
        .Optional("content_type", Text)
        .Optional("from_ref", Ref("email-addr"))
        .Optional("sender_ref", Ref("email-addr"))
        .Optional("to_refs", Refs("email-addr"))
        .Optional("cc_refs", Refs("email-addr"))
        .Optional("bcc_refs", Refs("email-addr"))
        .Optional("message_id", Text)
        .Optional("subject", Text)
        .Optional("received_lines", StringList)
        .Optional("additional_header_fields", new DictionaryType(StringList))
        .Optional("body", Text)
        .Optional("body_multipart", ListOf(Embedded(EmailMimePart)))
        .Optional("raw_email_ref", Ref("artifact"))
        .IdContributingProperties("from_ref", "subject", "body")
        .Rule(ctx =>
        {
            if (!ctx.TryGet("is_multipart", out var multipart))
            {
                return;
            }

            if (multipart.ValueKind == JsonValueKind.True && ctx.Has("body"))
            {
                ctx.Report(StixRules.EmailMultipartBody, "body", "Expected no body because is_multipart is true (the parts belong in body_multipart) but found body.");
            }
            else if (multipart.ValueKind == JsonValueKind.False && ctx.Has("body_multipart"))
            {
                ctx.Report(StixRules.EmailSinglepartMimeParts, "body_multipart", "Expected no body_multipart because is_multipart is false (use body) but found body_multipart.");
            }
        })
        .Build();

    private static ObjectSchema File() => ObjectSchema.For("file", ObjectCategory.Observable, "6.7")
        .Optional("hashes", Hashes)
        .Optional("size", NonNegativeInteger)
        .Optional("name", Text)
        .Optional("name_enc", Text)
        .Optional("magic_number_hex", Hex)
        .Optional("mime_type", Text)
        .Optional("ctime", Timestamp)
        .Optional("mtime", Timestamp)
        .Optional("atime", Timestamp)
        .Optional("parent_directory_ref", Ref("directory"))
        .Optional("contains_refs", Refs(ObjectCategory.Observable))
        .Optional("content_ref", Ref("artifact"))
        .AtLeastOneOf("hashes", "name")
        .IdContributingProperties("hashes", "name", "extensions", "parent_directory_ref")
        .Build();

    private static ObjectSchema Ipv4Address() => ObjectSchema.For("ipv4-addr", ObjectCategory.Observable, "6.8")
        .Required("value", Text)
        .Optional("resolves_to_refs", Refs("mac-addr"))
        .Optional("belongs_to_refs", Refs("autonomous-system"))
        .IdContributingProperties("value")
        .Rule(ctx =>
        {
            if (!IsDefanged(ctx) && ctx.TryGetString("value", out var value) && !ObservableFormats.IsIpv4OrCidr(value))
            {
                ctx.Report(StixRules.Ipv4AddrValue, "value", $"Expected an IPv4 address or CIDR block (e.g. 198.51.100.3 or 10.2.4.5/24) but found \"{value}\".");
            }
        })
        .Build();

    private static ObjectSchema Ipv6Address() => ObjectSchema.For("ipv6-addr", ObjectCategory.Observable, "6.9")
        .Required("value", Text)
        .Optional("resolves_to_refs", Refs("mac-addr"))
        .Optional("belongs_to_refs", Refs("autonomous-system"))
        .IdContributingProperties("value")
        .Rule(ctx =>
        {
            if (!IsDefanged(ctx) && ctx.TryGetString("value", out var value) && !ObservableFormats.IsIpv6OrCidr(value))
            {
                ctx.Report(StixRules.Ipv6AddrValue, "value", $"Expected an IPv6 address or CIDR block (e.g. 2001:db8::1 or 2001:db8::/96) but found \"{value}\".");
            }
        })
        .Build();

    private static ObjectSchema MacAddress() => ObjectSchema.For("mac-addr", ObjectCategory.Observable, "6.10")
        .Required("value", Text)
        .IdContributingProperties("value")
        .Rule(ctx =>
        {
            if (!IsDefanged(ctx) && ctx.TryGetString("value", out var value) && !ObservableFormats.IsMac48(value))
            {
                ctx.Report(StixRules.MacAddrValue, "value", $"Expected a colon-delimited lowercase MAC-48 address with leading zeros (e.g. 00:00:ab:cd:ef:01) but found \"{value}\".");
            }
        })
        .Build();

    private static ObjectSchema Mutex() => ObjectSchema.For("mutex", ObjectCategory.Observable, "6.11")
        .Required("name", Text)
        .IdContributingProperties("name")
        .Build();

    private static ObjectSchema NetworkTraffic() => ObjectSchema.For("network-traffic", ObjectCategory.Observable, "6.12")
        .Optional("start", Timestamp)
        .Optional("end", Timestamp)
        .Optional("is_active", Bool)
        .Optional("src_ref", Ref("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"))
        .Optional("dst_ref", Ref("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"))
        .Optional("src_port", IntegerRange(0, 65535))
        .Optional("dst_port", IntegerRange(0, 65535))
        .Required("protocols", StringList)
        .Optional("src_byte_count", NonNegativeInteger)
        .Optional("dst_byte_count", NonNegativeInteger)
        .Optional("src_packets", NonNegativeInteger)
        .Optional("dst_packets", NonNegativeInteger)
        .Optional("ipfix", Dictionary)
        .Optional("src_payload_ref", Ref("artifact"))
        .Optional("dst_payload_ref", Ref("artifact"))
        .Optional("encapsulates_refs", Refs("network-traffic"))
        .Optional("encapsulated_by_ref", Ref("network-traffic"))
        .AtLeastOneOf("src_ref", "dst_ref")
        .IdContributingProperties("start", "end", "src_ref", "dst_ref", "src_port", "dst_port", "protocols", "extensions")
        .Rule(ctx =>
        {
            if (ctx.TryGetTimestamp("start", out var start) && ctx.TryGetTimestamp("end", out var end) && end.CompareTo(start) < 0)
            {
                ctx.Report(StixRules.NetworkTrafficEndBeforeStart, "end", $"Expected end to be later than or equal to start ({start}) but found {end}.");
            }

            if (ctx.TryGet("is_active", out var active) && active.ValueKind == JsonValueKind.True && ctx.Has("end"))
            {
                ctx.Report(StixRules.NetworkTrafficActiveEnd, "end", "Expected no end because is_active is true (is_active must be false when end is provided) but found end.");
            }

            if (ctx.TryGet("protocols", out var protocols) && protocols.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var protocol in protocols.EnumerateArray())
                {
                    if (protocol.ValueKind == JsonValueKind.String && protocol.GetString() is { } name && !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
                    {
                        ctx.Report(StixRules.NetworkTrafficProtocolCase, JsonPaths.Index("protocols", index), $"Expected a lowercase protocol name (\"{name.ToLowerInvariant()}\") but found \"{name}\".");
                    }

                    index++;
                }
            }

            ReportNonIntegerOrStringValues(ctx, "ipfix", StixRules.NetworkTrafficIpfixValue);
        })
        .Build();

    private static ObjectSchema Process() => ObjectSchema.For("process", ObjectCategory.Observable, "6.13")
        .Optional("is_hidden", Bool)
        .Optional("pid", Integer)
        .Optional("created_time", Timestamp)
        .Optional("cwd", Text)
        .Optional("command_line", Text)
        .Optional("environment_variables", new DictionaryType(Text))
        .Optional("opened_connection_refs", Refs("network-traffic"))
        .Optional("creator_user_ref", Ref("user-account"))
        .Optional("image_ref", Ref("file"))
        .Optional("parent_ref", Ref("process"))
        .Optional("child_refs", Refs("process"))
        .AtLeastOneOf(
            "is_hidden", "pid", "created_time", "cwd", "command_line", "environment_variables", "opened_connection_refs",
            "creator_user_ref", "image_ref", "parent_ref", "child_refs", "extensions")
        .IdContributingProperties()
        .Build();

    private static ObjectSchema Software() => ObjectSchema.For("software", ObjectCategory.Observable, "6.14")
        .Required("name", Text)
        .Optional("cpe", Text)
        .Optional("swid", Text)
        .Optional("languages", StringList)
        .Optional("vendor", Text)
        .Optional("version", Text)
        .IdContributingProperties("name", "cpe", "swid", "vendor", "version")
        .Rule(ctx =>
        {
            if (ctx.TryGetString("cpe", out var cpe) && !ObservableFormats.IsCpe23(cpe))
            {
                ctx.Report(StixRules.SoftwareCpe, "cpe", $"Expected a CPE 2.3 entry (e.g. cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*) but found \"{cpe}\".");
            }

            if (ctx.TryGet("languages", out var languages) && languages.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var language in languages.EnumerateArray())
                {
                    if (language.ValueKind == JsonValueKind.String && language.GetString() is { } tag && !ObservableFormats.IsLanguageTag(tag))
                    {
                        ctx.Report(StixRules.SoftwareLanguage, JsonPaths.Index("languages", index), $"Expected an RFC 5646 language tag (e.g. en or pt-BR) but found \"{tag}\".");
                    }

                    index++;
                }
            }
        })
        .Build();

    private static ObjectSchema Url() => ObjectSchema.For("url", ObjectCategory.Observable, "6.15")
        .Required("value", Text)
        .IdContributingProperties("value")
        .Rule(ctx =>
        {
            if (!IsDefanged(ctx) && ctx.TryGetString("value", out var value) && !ObservableFormats.IsUrl(value))
            {
                ctx.Report(StixRules.UrlValue, "value", $"Expected an RFC 3986 URL with a scheme (e.g. https://example.com/index.html) and no whitespace but found \"{value}\".");
            }
        })
        .Build();

    private static ObjectSchema UserAccount() => ObjectSchema.For("user-account", ObjectCategory.Observable, "6.16")
        .Optional("user_id", Text)
        .Optional("credential", Text)
        .Optional("account_login", Text)
        .Optional("account_type", OpenVocab(Vocabularies.AccountType))
        .Optional("display_name", Text)
        .Optional("is_service_account", Bool)
        .Optional("is_privileged", Bool)
        .Optional("can_escalate_privs", Bool)
        .Optional("is_disabled", Bool)
        .Optional("account_created", Timestamp)
        .Optional("account_expires", Timestamp)
        .Optional("credential_last_changed", Timestamp)
        .Optional("account_first_login", Timestamp)
        .Optional("account_last_login", Timestamp)
        .IdContributingProperties("account_type", "user_id", "account_login")
        .Build();

    private static ObjectSchema WindowsRegistryKey() => ObjectSchema.For("windows-registry-key", ObjectCategory.Observable, "6.17")
        .Optional("key", Text)
        .Optional("values", ListOf(Embedded(WindowsRegistryValue)))
        .Optional("modified_time", Timestamp)
        .Optional("creator_user_ref", Ref("user-account"))
        .Optional("number_of_subkeys", Integer)
        .AtLeastOneOf("key", "values", "modified_time", "creator_user_ref", "number_of_subkeys")
        .IdContributingProperties("key", "values")
        .Rule(ctx =>
        {
            if (ctx.TryGetString("key", out var key) && ObservableFormats.HasAbbreviatedHive(key, out var hive))
            {
                ctx.Report(StixRules.WindowsRegistryKeyHive, "key", $"Expected the fully expanded hive ({ObservableFormats.ExpandHive(hive)}) but found the abbreviation \"{hive}\".");
            }
        })
        .Build();

    private static ObjectSchema X509Certificate() => ObjectSchema.For("x509-certificate", ObjectCategory.Observable, "6.18")
        .Optional("is_self_signed", Bool)
        .Optional("hashes", Hashes)
        .Optional("version", Text)
        .Optional("serial_number", Text)
        .Optional("signature_algorithm", Text)
        .Optional("issuer", Text)
        .Optional("validity_not_before", Timestamp)
        .Optional("validity_not_after", Timestamp)
        .Optional("subject", Text)
        .Optional("subject_public_key_algorithm", Text)
        .Optional("subject_public_key_modulus", Text)
        .Optional("subject_public_key_exponent", Integer)
        .Optional("x509_v3_extensions", Embedded(X509V3Extensions))
        .AtLeastOneOf(
            "is_self_signed", "hashes", "version", "serial_number", "signature_algorithm", "issuer", "validity_not_before",
            "validity_not_after", "subject", "subject_public_key_algorithm", "subject_public_key_modulus",
            "subject_public_key_exponent", "x509_v3_extensions")
        .IdContributingProperties("hashes", "serial_number")
        .Build();

    /// <summary>Whether the object is marked <c>defanged</c> (section 3.2).</summary>
    private static bool IsDefanged(ObjectRuleContext ctx) => ctx.TryGet("defanged", out var defanged) && defanged.ValueKind == JsonValueKind.True;

    /// <summary>Reports the values of a dictionary property that are neither integers nor strings.</summary>
    /// <param name="ctx">The rule context.</param>
    /// <param name="property">The dictionary property.</param>
    /// <param name="rule">The rule to report.</param>
    internal static void ReportNonIntegerOrStringValues(ObjectRuleContext ctx, string property, StixRule rule)
    {
        if (!ctx.TryGet(property, out var dictionary) || dictionary.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var entry in dictionary.EnumerateObject())
        {
            var value = entry.Value;
            var ok = value.ValueKind == JsonValueKind.String || (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _));
            if (!ok)
            {
                ctx.Report(rule, JsonPaths.Property(property, entry.Name), $"Expected an integer or a string for {property} key \"{entry.Name}\" but found {Describe(value)}.");
            }
        }
    }

    /// <summary>Describes a JSON value's kind for messages.</summary>
    /// <param name="value">The value.</param>
    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => "no value",
    };
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Tests.Validation;

/// <summary>
/// Breaking cases for the cyber-observable rules of section 6 (<c>StixRules.Observables.cs</c>),
/// and for generic rules as the SCO schemas declare them. Each base object is valid, with its
/// deterministic id; each case breaks one thing.
/// </summary>
internal static partial class RuleCases
{
    /// <summary>A valid email-addr.</summary>
    public const string EmailAddr = """
        {"type": "email-addr", "spec_version": "2.1", "id": "email-addr--18050e7b-782c-517d-bad9-f8b5ae814863", "value": "jane.smith@example.com"}
        """;

    /// <summary>A valid single-part email-message.</summary>
    public const string EmailMessage = """
        {"type": "email-message", "spec_version": "2.1", "id": "email-message--94430503-d14d-5e9d-8bda-38d1db0942c0", "is_multipart": false, "subject": "Quarterly report"}
        """;

    /// <summary>A valid network-traffic (its src_ref is <see cref="Ipv4"/>).</summary>
    public const string NetworkTraffic = """
        {"type": "network-traffic", "spec_version": "2.1", "id": "network-traffic--b766cbfd-a20e-50b2-9e27-31f54a9b9940", "src_ref": "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4", "protocols": ["ipv4", "tcp"]}
        """;

    /// <summary>A valid file.</summary>
    public const string FileObject = """
        {"type": "file", "spec_version": "2.1", "id": "file--59dd739c-786f-5339-b9db-5858fef5ddbb", "name": "picture.jpg"}
        """;

    /// <summary>A valid process (no ID contributing properties: UUIDv4).</summary>
    public const string ProcessObject = """
        {"type": "process", "spec_version": "2.1", "id": "process--65a99d8a-e5b2-44bb-8311-963a580ee9a1", "pid": 314}
        """;

    /// <summary>A valid software.</summary>
    public const string Software = """
        {"type": "software", "spec_version": "2.1", "id": "software--e7fe4452-5d58-52cf-864e-3642b52c1eb7", "name": "Word", "vendor": "Microsoft"}
        """;

    /// <summary>A valid windows-registry-key.</summary>
    public const string RegistryKey = """
        {"type": "windows-registry-key", "spec_version": "2.1", "id": "windows-registry-key--6d6b2ee2-57fb-52ec-b1d3-7138294a6b8e", "key": "HKEY_LOCAL_MACHINE\\System\\Foo"}
        """;

    /// <summary>A valid artifact.</summary>
    public const string Artifact = """
        {"type": "artifact", "spec_version": "2.1", "id": "artifact--c31e8e38-8283-504b-9e75-800b29a09186", "payload_bin": "aGVsbG8="}
        """;

    /// <summary>The valid SCO base objects of the observable cases.</summary>
    public static IEnumerable<string> ObservableBases =>
        [EmailAddr, EmailMessage, NetworkTraffic, FileObject, ProcessObject, Software, RegistryKey, Artifact,
         Value("ipv6-addr", "ipv6-addr--6469e3a9-b053-5e34-a025-9396ae051d26", "2001:db8::1"),
         Value("mac-addr", "mac-addr--757b1725-9903-54f5-a855-1240691d7659", "d2:fb:49:24:37:18"),
         Value("domain-name", "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7", "example.com"),
         Value("url", "url--971cbc9e-2956-596d-bb87-7b125c3ab523", "https://example.com/index.html")];

    /// <summary>The observable cases, for tests that run them before they are part of <see cref="All"/>.</summary>
    public static IEnumerable<RuleCase> ObservableCases => Observables();

    private static string Value(string type, string id, string value) =>
        $$"""{"type": "{{type}}", "spec_version": "2.1", "id": "{{id}}", "value": "{{value}}"}""";

    private static string Replace(string baseJson, string from, string to) => baseJson.Replace(from, to, StringComparison.Ordinal);

    private static string Extension(string baseJson, string name, string body) => With(baseJson, $$"""
        "extensions": {"{{name}}": {{body}}}
        """.Trim());

    private static IEnumerable<RuleCase> Observables() =>
    [
        // Rules of StixRules.Observables.cs.
        new("email-addr-value", Replace(EmailAddr, "\"jane.smith@example.com\"", "\"Jane Smith <jane.smith@example.com>\""), "$.value"),
        new("email-addr-value", Replace(EmailAddr, "\"jane.smith@example.com\"", "\"jane.smith\""), "$.value"),
        new("email-multipart-body", With(Replace(EmailMessage, "\"is_multipart\": false", "\"is_multipart\": true"), "\"body\": \"Hello\""), "$.body"),
        new("email-singlepart-mime-parts", With(EmailMessage, "\"body_multipart\": [{\"content_type\": \"text/plain\", \"body\": \"Hello\"}]"), "$.body_multipart"),
        new("ipv4-addr-value", Replace(Ipv4, "198.51.100.3", "198.51.100.256"), "$.value"),
        new("ipv4-addr-value", Replace(Ipv4, "198.51.100.3", "198.51.100.0/33"), "$.value"),
        new("ipv4-addr-value", Replace(Ipv4, "198.51.100.3", "2001:db8::1"), "$.value"),
        new("ipv6-addr-value", Value("ipv6-addr", "ipv6-addr--6469e3a9-b053-5e34-a025-9396ae051d26", "2001:db8::g1"), "$.value"),
        new("ipv6-addr-value", Value("ipv6-addr", "ipv6-addr--6469e3a9-b053-5e34-a025-9396ae051d26", "2001:db8::/129"), "$.value"),
        new("ipv6-addr-value", Value("ipv6-addr", "ipv6-addr--6469e3a9-b053-5e34-a025-9396ae051d26", "198.51.100.3"), "$.value"),
        new("mac-addr-value", Value("mac-addr", "mac-addr--757b1725-9903-54f5-a855-1240691d7659", "D2:FB:49:24:37:18"), "$.value"),
        new("mac-addr-value", Value("mac-addr", "mac-addr--757b1725-9903-54f5-a855-1240691d7659", "d2-fb-49-24-37-18"), "$.value"),
        new("mac-addr-value", Value("mac-addr", "mac-addr--757b1725-9903-54f5-a855-1240691d7659", "0:0:ab:cd:ef:1"), "$.value"),
        new("domain-name-value", Value("domain-name", "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7", "exa mple.com"), "$.value"),
        new("domain-name-value", Value("domain-name", "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7", "example..com"), "$.value"),
        new("domain-name-value", Value("domain-name", "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7", "https://example.com/"), "$.value"),
        new("url-value", Value("url", "url--971cbc9e-2956-596d-bb87-7b125c3ab523", "example.com/index.html"), "$.value"),
        new("url-value", Value("url", "url--971cbc9e-2956-596d-bb87-7b125c3ab523", "https://example.com/my index.html"), "$.value"),
        new("network-traffic-end-before-start", With(NetworkTraffic, "\"start\": \"2016-06-19T14:20:40Z\", \"end\": \"2016-06-19T14:20:39.999Z\""), "$.end"),
        new("network-traffic-active-end", With(NetworkTraffic, "\"is_active\": true, \"end\": \"2016-06-19T14:20:40Z\""), "$.end"),
        new("network-traffic-protocol-case", Replace(NetworkTraffic, "\"tcp\"", "\"TCP\""), "$.protocols[1]"),
        new("network-traffic-ipfix-value", With(NetworkTraffic, "\"ipfix\": {\"minimumIpTotalLength\": 32, \"maximumIpTotalLength\": 25.5}"), "$.ipfix.maximumIpTotalLength"),
        new("network-traffic-ipfix-value", With(NetworkTraffic, "\"ipfix\": {\"flowEndReason\": true}"), "$.ipfix.flowEndReason"),
        new("socket-option-name", Extension(NetworkTraffic, "socket-ext", "{\"address_family\": \"AF_INET\", \"options\": {\"so_reuseaddr\": 1}}"), "$.extensions.socket-ext.options.so_reuseaddr"),
        new("http-request-case", Extension(NetworkTraffic, "http-request-ext", "{\"request_method\": \"GET\", \"request_value\": \"/download.html\"}"), "$.extensions.http-request-ext.request_method"),
        new("http-request-case", Extension(NetworkTraffic, "http-request-ext", "{\"request_method\": \"get\", \"request_value\": \"/\", \"request_version\": \"HTTP/1.1\"}"), "$.extensions.http-request-ext.request_version"),
        new("raster-image-exif-value", Extension(FileObject, "raster-image-ext", "{\"exif_tags\": {\"Make\": \"Nikon\", \"XResolution\": 72.5}}"), "$.extensions.raster-image-ext.exif_tags.XResolution"),
        new("windows-process-priority", Extension(ProcessObject, "windows-process-ext", "{\"priority\": \"HIGH\"}"), "$.extensions.windows-process-ext.priority"),
        new("software-cpe", With(Software, "\"cpe\": \"cpe:/a:microsoft:word:2000\""), "$.cpe"),
        new("software-cpe", With(Software, "\"cpe\": \"cpe:2.3:a:microsoft:word:2000\""), "$.cpe"),
        new("software-language", With(Software, "\"languages\": [\"en\", \"English (US)\"]"), "$.languages[1]"),
        new("windows-registry-key-hive", Replace(RegistryKey, "HKEY_LOCAL_MACHINE", "HKLM"), "$.key"),
        new("windows-registry-key-hive", Replace(RegistryKey, "HKEY_LOCAL_MACHINE", "hkcu"), "$.key"),

        // Generic rules as the section 6 schemas declare them.
        new("at-least-one-of", Replace(Artifact, ", \"payload_bin\": \"aGVsbG8=\"", ", \"mime_type\": \"text/plain\""), "$"),
        new("mutually-exclusive", With(Artifact, "\"url\": \"https://example.com/a.bin\", \"hashes\": {\"SHA-256\": \"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"}"), "$.url"),
        new("property-dependency", Replace(Artifact, "\"payload_bin\": \"aGVsbG8=\"", "\"url\": \"https://example.com/a.bin\""), "$.url"),
        new("property-dependency", With(Artifact, "\"decryption_key\": \"infected\""), "$.decryption_key"),
        new("enum-value", With(Artifact, "\"encryption_algorithm\": \"rot13\""), "$.encryption_algorithm"),
        new("at-least-one-of", Replace(NetworkTraffic, "\"src_ref\": \"ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4\", ", string.Empty), "$"),
        new("required-property", Replace(NetworkTraffic, ", \"protocols\": [\"ipv4\", \"tcp\"]", string.Empty), "$.protocols"),
        new("value-range", With(NetworkTraffic, "\"src_port\": 65536"), "$.src_port"),
        new("reference-type", Replace(NetworkTraffic, "\"src_ref\": \"ipv4-addr--", "\"src_ref\": \"url--"), "$.src_ref"),
        new("reference-type", With(FileObject, "\"parent_directory_ref\": \"file--59dd739c-786f-5339-b9db-5858fef5ddbb\""), "$.parent_directory_ref"),
        new("value-range", With(FileObject, "\"size\": -1"), "$.size"),
        new("at-least-one-of", Replace(FileObject, "\"name\": \"picture.jpg\"", "\"size\": 1024"), "$"),
        new("at-least-one-of", Extension(FileObject, "windows-pebinary-ext", "{\"pe_type\": \"exe\"}"), "$.extensions.windows-pebinary-ext"),
        new("at-least-one-of", Extension(NetworkTraffic, "tcp-ext", "{\"x_acme_window\": 3}"), "$.extensions.tcp-ext"),
        new("required-property", Extension(NetworkTraffic, "icmp-ext", "{\"icmp_type_hex\": \"08\"}"), "$.extensions.icmp-ext.icmp_code_hex"),
        new("enum-value", Extension(NetworkTraffic, "socket-ext", "{\"address_family\": \"AF_INET4\"}"), "$.extensions.socket-ext.address_family"),
        new("property-type", Extension(NetworkTraffic, "socket-ext", "{\"address_family\": \"AF_INET\", \"options\": {\"SO_RCVTIMEO\": \"1s\"}}"), "$.extensions.socket-ext.options.SO_RCVTIMEO"),
        new("reference-type", Extension(FileObject, "archive-ext", "{\"contains_refs\": [\"ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4\"]}"), "$.extensions.archive-ext.contains_refs[0]"),
        new("enum-value", With(RegistryKey, "\"values\": [{\"name\": \"Foo\", \"data\": \"1\", \"data_type\": \"REG_WORD\"}]"), "$.values[0].data_type"),
        new("at-least-one-of", With(EmailMessage.Replace("\"is_multipart\": false", "\"is_multipart\": true", StringComparison.Ordinal), "\"body_multipart\": [{\"content_type\": \"text/plain\"}]"), "$.body_multipart[0]"),
        new("vocabulary-value", """{"type": "user-account", "spec_version": "2.1", "id": "user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c", "account_type": "Unix Account"}""", "$.account_type"),
    ];
}

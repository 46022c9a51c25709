// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Tests.Validation;

internal static partial class RuleCases
{
    /// <summary>A valid identity; cases add or replace properties to break one rule.</summary>
    public const string Identity = """
        {"type": "identity", "spec_version": "2.1", "id": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c",
         "created": "2015-12-21T19:59:11.000Z", "modified": "2015-12-21T19:59:11.000Z", "name": "ACME Widget, Inc.", "identity_class": "organization"}
        """;

    /// <summary>A valid SCO with its deterministic id, as given in the example of section 2.9.</summary>
    public const string Ipv4 = """
        {"type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4", "value": "198.51.100.3"}
        """;

    private static string With(string baseJson, string properties) => baseJson.TrimEnd()[..^1] + ", " + properties + "}";

    private static string Without(string baseJson, string property) =>
        System.Text.RegularExpressions.Regex.Replace(baseJson, $"\"{property}\": \"[^\"]*\",\\s*", string.Empty);

    private static IEnumerable<RuleCase> Common() =>
    [
        new("json-object", "[1]", "$[0]"),
        new("required-property", Without(Identity, "created"), "$.created"),
        new("required-property", """{"id": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c"}""", "$.type"),
        new("property-type", With(Identity, "\"revoked\": \"yes\""), "$.revoked"),
        new("property-type", With(Identity, "\"description\": null"), "$.description"),
        new("value-range", With(Identity, "\"confidence\": 101"), "$.confidence"),
        new("type-name", """{"type": "x--bad", "id": "x--bad--311b2d2d-f010-4473-83ec-1edf84858f4c", "name": "n"}""", "$.type"),
        new("property-name", With(Identity, "\"x acme\": 1"), "$['x acme']"),
        new("property-suffix", With(Identity, "\"x_acme_owner_ref\": \"not an id\""), "$.x_acme_owner_ref"),
        new("property-suffix", With(Identity, "\"x_acme_blob_hex\": \"ABC\""), "$.x_acme_blob_hex"),
        new("encoding-without-property", With(Identity, "\"x_acme_title_enc\": \"utf-8\""), "$.x_acme_title_enc"),
        new("spec-version", Identity.Replace("\"2.1\"", "\"2.0\"", StringComparison.Ordinal), "$.spec_version"),
        new("identifier-format", Identity.Replace("identity--311b2d2d-f010-4473-83ec-1edf84858f4c", "identity--311b2d2d", StringComparison.Ordinal), "$.id"),
        new("identifier-format", Identity.Replace("4473-83ec", "4473-c3ec", StringComparison.Ordinal), "$.id"),
        new("identifier-type", Identity.Replace("\"id\": \"identity--", "\"id\": \"indicator--", StringComparison.Ordinal), "$.id"),
        new("reference-type", With(Identity, "\"created_by_ref\": \"indicator--311b2d2d-f010-4473-83ec-1edf84858f4c\""), "$.created_by_ref"),
        new("reference-type", With(Identity, "\"object_marking_refs\": [\"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9\", \"identity--311b2d2d-f010-4473-83ec-1edf84858f4c\"]"), "$.object_marking_refs[1]"),
        new("timestamp-format", Identity.Replace("\"modified\": \"2015-12-21T19:59:11.000Z\"", "\"modified\": \"2015-12-21 19:59:11.000+01:00\"", StringComparison.Ordinal), "$.modified"),
        new("timestamp-format", Identity.Replace("\"modified\": \"2015-12-21T19:59:11.000Z\"", "\"modified\": \"2015-02-30T19:59:11.000Z\"", StringComparison.Ordinal), "$.modified"),
        new("timestamp-precision", Identity.Replace("\"created\": \"2015-12-21T19:59:11.000Z\"", "\"created\": \"2015-12-21T19:59:11Z\"", StringComparison.Ordinal), "$.created"),
        new("modified-before-created", Identity.Replace("\"modified\": \"2015-12-21T19:59:11.000Z\"", "\"modified\": \"2015-12-21T19:59:10.999Z\"", StringComparison.Ordinal), "$.modified"),
        new("enum-value", """{"type": "opinion", "spec_version": "2.1", "id": "opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7", "created": "2016-05-12T08:17:27.000Z", "modified": "2016-05-12T08:17:27.000Z", "opinion": "maybe", "object_refs": ["identity--311b2d2d-f010-4473-83ec-1edf84858f4c"]}""", "$.opinion"),
        new("vocabulary-value", Identity.Replace("\"organization\"", "\"Secret Society\"", StringComparison.Ordinal), "$.identity_class"),
        new("empty-list", With(Identity, "\"labels\": []"), "$.labels"),
        new("empty-dictionary", With(Ipv4, "\"extensions\": {}"), "$.extensions"),
        new("dictionary-key", """{"type": "process", "id": "process--07bc30cd-2b12-4a6c-9d2b-3b5f4e2b1c9a", "pid": 1221, "environment_variables": {"bad key!": "x"}}""", "$.environment_variables['bad key!']"),
        new("duplicate-key", Identity.TrimEnd()[..^1] + ", \"name\": \"again\"}", "$.name"),
        new("hash-algorithm", With(Identity, "\"external_references\": [{\"source_name\": \"acme\", \"url\": \"https://example.com\", \"hashes\": {\"S1\": \"abcd\"}}]"), "$.external_references[0].hashes.S1"),
        new("hash-algorithm-vocabulary", """{"type": "file", "id": "file--6a6f1b0e-2a8c-5a5e-9c1f-7d9a7b3a1f0e", "hashes": {"SHA256": "6db12788c37247f2316052e142f42f4b259d6561751e5f401a1ae2a6df9c674b"}}""", "$.hashes.SHA256"),
        new("hash-value", """{"type": "file", "id": "file--6a6f1b0e-2a8c-5a5e-9c1f-7d9a7b3a1f0e", "hashes": {"MD5": "abc"}}""", "$.hashes.MD5"),
        new("binary-format", """{"type": "artifact", "id": "artifact--6a6f1b0e-2a8c-4a5e-9c1f-7d9a7b3a1f0e", "payload_bin": "not base64!"}""", "$.payload_bin"),
        new("hex-format", """{"type": "network-traffic", "id": "network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d", "dst_ref": "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4", "protocols": ["icmp"], "extensions": {"icmp-ext": {"icmp_type_hex": "8", "icmp_code_hex": "00"}}}""", "$.extensions.icmp-ext.icmp_type_hex"),
        new("kill-chain-phase-format", """{"type": "attack-pattern", "spec_version": "2.1", "id": "attack-pattern--7e33a43e-e34b-40ec-89da-36c9bb2cacd5", "created": "2016-05-12T08:17:27.000Z", "modified": "2016-05-12T08:17:27.000Z", "name": "Spear Phishing", "kill_chain_phases": [{"kill_chain_name": "Lockheed Martin", "phase_name": "delivery"}]}""", "$.kill_chain_phases[0].kill_chain_name"),
        new("external-reference-hash", With(Identity, "\"external_references\": [{\"source_name\": \"acme\", \"url\": \"https://example.com\", \"hashes\": {\"x_acme_hash\": \"abcd\"}}]"), "$.external_references[0].hashes.x_acme_hash"),
        new("at-least-one-of", With(Identity, "\"external_references\": [{\"source_name\": \"acme\"}]"), "$.external_references[0]"),
        new("mutually-exclusive", """{"type": "artifact", "id": "artifact--6a6f1b0e-2a8c-4a5e-9c1f-7d9a7b3a1f0e", "payload_bin": "aGVsbG8=", "url": "https://example.com/a.bin", "hashes": {"MD5": "5d41402abc4b2a76b9719d911017c592"}}""", "$.url"),
        new("property-dependency", """{"type": "artifact", "id": "artifact--6a6f1b0e-2a8c-4a5e-9c1f-7d9a7b3a1f0e", "url": "https://example.com/a.bin"}""", "$.url"),
        new("deprecated-property", """{"type": "observed-data", "spec_version": "2.1", "id": "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf", "created": "2016-04-06T19:58:16.000Z", "modified": "2016-04-06T19:58:16.000Z", "first_observed": "2015-12-21T19:00:00Z", "last_observed": "2015-12-21T19:00:00Z", "number_observed": 1, "objects": {"0": {"type": "domain-name", "value": "example.com"}}}""", "$.objects"),
        new("custom-property", With(Identity, "\"x_acme_score\": 10"), "$"),
        new("custom-property-prefix", With(Identity, "\"acme_score\": 10"), "$.acme_score"),
        new("custom-object", """{"type": "x-acme-widget", "id": "x-acme-widget--311b2d2d-f010-4473-83ec-1edf84858f4c", "created": "2016-08-01T00:00:00.000Z", "modified": "2016-08-01T00:00:00.000Z", "size": 3}""", "$.type"),
        new("custom-object-properties", """{"type": "x-acme-widget", "id": "x-acme-widget--311b2d2d-f010-4473-83ec-1edf84858f4c"}""", "$"),
        new("granular-marking-selector", With(Identity, "\"granular_markings\": [{\"marking_ref\": \"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9\", \"selectors\": [\"description\"]}]"), "$.granular_markings[0].selectors[0]"),
        new("granular-marking-ref", With(Identity, "\"granular_markings\": [{\"marking_ref\": \"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9\", \"lang\": \"en\", \"selectors\": [\"name\"]}]"), "$.granular_markings[0]"),
        new("extension-key", With(Identity, "\"extensions\": {\"archive-ext\": {\"contains_refs\": [\"file--6a6f1b0e-2a8c-4a5e-9c1f-7d9a7b3a1f0e\"]}}"), "$.extensions.archive-ext"),
        new("extension-type", With(Identity, "\"extensions\": {\"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e\": {\"rank\": 1}}"), "$.extensions.extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e.extension_type"),
        new("toplevel-property-extension", With(Identity, "\"extensions\": {\"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e\": {\"extension_type\": \"toplevel-property-extension\", \"rank\": 1}}"), "$.extensions.extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e.rank"),
        new("custom-extension", With(Ipv4, "\"extensions\": {\"x-acme-ext\": {\"rank\": 1}}"), "$.extensions.x-acme-ext"),
        new("empty-extension", With(Ipv4, "\"extensions\": {\"x-acme-ext\": {}}"), "$.extensions.x-acme-ext"),
        new("deterministic-id", Ipv4.Replace("198.51.100.3", "198.51.100.4", StringComparison.Ordinal), "$.id"),
        new("deterministic-id-version", """{"type": "file", "id": "file--6a6f1b0e-2a8c-5a5e-9c1f-7d9a7b3a1f0e", "size": 3}""", "$.id"),
        new("identifier-version", Identity.Replace("-4473-", "-5473-", StringComparison.Ordinal), "$.id"),
    ];
}

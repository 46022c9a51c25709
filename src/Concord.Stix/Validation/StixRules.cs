// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Validation;

/// <summary>
/// The catalogue of every validation rule, with stable ids. Rules of the common data types and
/// general concepts (sections 2 and 3) are here; rules of individual object types are in
/// <c>StixRules.Objects.cs</c>.
/// </summary>
/// <remarks>Ids never change meaning once published; a retired rule keeps its id unused.</remarks>
public static partial class StixRules
{
    /// <summary>Every rule, in definition order.</summary>
    public static IReadOnlyList<StixRule> All
    {
        get
        {
            RuntimeHelpersTouch();
            return Registry.Rules;
        }
    }

    /// <summary>Looks a rule up by id.</summary>
    /// <param name="id">The rule id.</param>
    public static StixRule? Find(string id) => All.FirstOrDefault(r => r.Id == id);

    /// <summary>A STIX object, embedded object or bundle MUST be a JSON object.</summary>
    public static readonly StixRule JsonObject = Define("json-object", Severity.Error, "1.2.10", "STIX objects are JSON objects.");

    /// <summary>Properties marked required MUST be present (section 3.1).</summary>
    public static readonly StixRule RequiredProperty = Define("required-property", Severity.Error, "3.1", "Properties marked required in the property tables must be present.");

    /// <summary>A property value MUST have the JSON type of its STIX data type; null is never a value.</summary>
    public static readonly StixRule PropertyType = Define("property-type", Severity.Error, "2", "A property's value must have the JSON form of its STIX data type (null is not a value).");

    /// <summary>Integers MUST fit in 54 bits, and numbers MUST respect their stated range.</summary>
    public static readonly StixRule ValueRange = Define("value-range", Severity.Error, "2.10", "Numbers must be within the range the specification states (integers within ±(2^53-1)).");

    /// <summary>Type names follow section 3.1 and 11.2.1.</summary>
    public static readonly StixRule TypeName = Define("type-name", Severity.Error, "3.1", "Type names are 3 to 250 characters of a-z, 0-9 and single hyphens, beginning with a letter.");

    /// <summary>Custom and extension property names follow section 3.1 and 11.1.1.</summary>
    public static readonly StixRule PropertyName = Define("property-name", Severity.Error, "3.1", "Property names are 3 to 250 characters of a-z, 0-9 and underscore, beginning with a letter.");

    /// <summary>
    /// Section 3.1 requires references, binary and hex values to be named with _ref, _refs, _bin and _hex;
    /// a custom property with such a name but another kind of value is almost certainly a mistake, though the converse is not a MUST.
    /// </summary>
    public static readonly StixRule PropertySuffix = Define("property-suffix", Severity.Warning, "3.1", "Properties ending in _ref, _refs, _bin or _hex should hold an identifier, identifiers, base64 or hex.");

    /// <summary>An _enc property MUST NOT be present without its original property (section 3.1).</summary>
    public static readonly StixRule EncodingWithoutProperty = Define("encoding-without-property", Severity.Error, "3.1", "A property ending in _enc must not be present when the property it describes is absent.");

    /// <summary>spec_version MUST be 2.1 (section 3.2).</summary>
    public static readonly StixRule SpecVersion = Define("spec-version", Severity.Error, "3.2", "spec_version must be \"2.1\".");

    /// <summary>Identifiers have the form type--UUID with an RFC 4122 UUID (section 2.9).</summary>
    public static readonly StixRule IdentifierFormat = Define("identifier-format", Severity.Error, "2.9", "Identifiers have the form object-type--UUID, with an RFC 4122 UUID.");

    /// <summary>The type prefix of id equals the type property (section 2.9).</summary>
    public static readonly StixRule IdentifierType = Define("identifier-type", Severity.Error, "2.9", "The object-type part of an object's id must equal its type property.");

    /// <summary>A reference points to an allowed type (section 3.3 and the property tables).</summary>
    public static readonly StixRule ReferenceType = Define("reference-type", Severity.Error, "3.3", "An identifier reference must point to a type the property allows.");

    /// <summary>Timestamps are RFC 3339 in UTC with Z (section 2.16).</summary>
    public static readonly StixRule TimestampFormat = Define("timestamp-format", Severity.Error, "2.16", "Timestamps are RFC 3339, YYYY-MM-DDTHH:mm:ss[.s+]Z, in UTC.");

    /// <summary>created and modified have at least millisecond precision (section 3.2).</summary>
    public static readonly StixRule TimestampPrecision = Define("timestamp-precision", Severity.Error, "3.2", "created and modified have at least millisecond precision (three sub-second digits).");

    /// <summary>modified is later than or equal to created (section 3.2).</summary>
    public static readonly StixRule ModifiedBeforeCreated = Define("modified-before-created", Severity.Error, "3.2", "modified must be later than or equal to created.");

    /// <summary>Enumeration values come from the enumeration (section 2.4).</summary>
    public static readonly StixRule EnumValue = Define("enum-value", Severity.Error, "2.4", "An enum property must hold one of the enumeration's values.");

    /// <summary>Open vocabulary values SHOULD come from the vocabulary (section 2.14).</summary>
    public static readonly StixRule VocabularyValue = Define("vocabulary-value", Severity.Warning, "2.14", "An open-vocab property should hold a suggested value, else a lowercase, hyphenated term.");

    /// <summary>Lists are not empty (section 2.12).</summary>
    public static readonly StixRule EmptyList = Define("empty-list", Severity.Error, "2.12", "Lists must have at least one value.");

    /// <summary>Dictionaries are not empty (section 2.3).</summary>
    public static readonly StixRule EmptyDictionary = Define("empty-dictionary", Severity.Error, "2.3", "Dictionaries must have at least one key.");

    /// <summary>Dictionary keys follow section 2.3.</summary>
    public static readonly StixRule DictionaryKey = Define("dictionary-key", Severity.Error, "2.3", "Dictionary keys are 1 to 250 ASCII characters of a-z, A-Z, 0-9, hyphen and underscore.");

    /// <summary>Keys of an object are unique (sections 2.3, 2.7; RFC 8259 interoperability).</summary>
    public static readonly StixRule DuplicateKey = Define("duplicate-key", Severity.Error, "2.3", "Property names and dictionary keys must be unique within an object.");

    /// <summary>Hash algorithm names follow section 2.7.</summary>
    public static readonly StixRule HashAlgorithm = Define("hash-algorithm", Severity.Error, "2.7", "Hash keys are 3 to 250 characters of a-z, A-Z, 0-9, hyphen and underscore.");

    /// <summary>Hash algorithm names SHOULD come from hash-algorithm-ov (section 2.7).</summary>
    public static readonly StixRule HashAlgorithmVocabulary = Define("hash-algorithm-vocabulary", Severity.Warning, "2.7", "Hash algorithm names should come from hash-algorithm-ov.");

    /// <summary>Hash values have the format of their algorithm (section 2.7).</summary>
    public static readonly StixRule HashValue = Define("hash-value", Severity.Error, "2.7", "A hash value must be in the format of its algorithm (e.g. 64 hex digits for SHA-256).");

    /// <summary>Binary values are base64 (section 2.1).</summary>
    public static readonly StixRule BinaryFormat = Define("binary-format", Severity.Error, "2.1", "Binary values are base64-encoded (RFC 4648).");

    /// <summary>Hex values are lowercase hex digits, even in number (section 2.8).</summary>
    public static readonly StixRule HexFormat = Define("hex-format", Severity.Error, "2.8", "Hex values are an even number of characters 0-9 and a-f.");

    /// <summary>Kill-chain names SHOULD be lowercase and hyphenated (section 2.11).</summary>
    public static readonly StixRule KillChainPhaseFormat = Define("kill-chain-phase-format", Severity.Warning, "2.11", "kill_chain_name and phase_name should be lowercase with hyphens as word separators.");

    /// <summary>External reference hash keys come from hash-algorithm-ov (section 2.5.1).</summary>
    public static readonly StixRule ExternalReferenceHash = Define("external-reference-hash", Severity.Error, "2.5.1", "External reference hash keys must come from hash-algorithm-ov.");

    /// <summary>At least one of a group of properties MUST be present.</summary>
    public static readonly StixRule AtLeastOneOf = Define("at-least-one-of", Severity.Error, "2", "At least one of the listed properties must be present.");

    /// <summary>At most one of a group of properties MAY be present.</summary>
    public static readonly StixRule MutuallyExclusive = Define("mutually-exclusive", Severity.Error, "2", "At most one of the listed properties may be present.");

    /// <summary>A property requires another.</summary>
    public static readonly StixRule PropertyDependency = Define("property-dependency", Severity.Error, "2", "A property is present without another property it requires.");

    /// <summary>Deprecated properties SHOULD NOT be used.</summary>
    public static readonly StixRule DeprecatedProperty = Define("deprecated-property", Severity.Warning, "3.1", "Deprecated properties should not be used in new content.");

    /// <summary>Custom properties are deprecated in favour of extensions (section 11.1).</summary>
    public static readonly StixRule CustomProperty = Define("custom-property", Severity.Warning, "11.1", "Custom properties are deprecated; use a property extension (section 7.3).");

    /// <summary>Custom properties SHOULD start with x_ (section 11.1.1).</summary>
    public static readonly StixRule CustomPropertyPrefix = Define("custom-property-prefix", Severity.Warning, "11.1.1", "Custom property names should start with x_ followed by a source identifier.");

    /// <summary>Custom objects are deprecated in favour of extensions (section 11.2).</summary>
    public static readonly StixRule CustomObject = Define("custom-object", Severity.Warning, "11.2", "Custom objects are deprecated; define new types with an extension-definition (section 7.3).");

    /// <summary>Common property names MUST NOT be reused for other meanings in custom objects (section 11.2.1).</summary>
    public static readonly StixRule CustomObjectProperties = Define("custom-object-properties", Severity.Error, "11.2.1", "A custom object must have properties besides type and id.");

    /// <summary>Granular marking selectors resolve to a property of the object (section 7.2.3).</summary>
    public static readonly StixRule GranularMarkingSelector = Define("granular-marking-selector", Severity.Error, "7.2.3.1", "A granular marking selector must refer to a property, list item or key present in the object.");

    /// <summary>A granular marking has exactly one of marking_ref or lang (section 7.2.3).</summary>
    public static readonly StixRule GranularMarkingRef = Define("granular-marking-ref", Severity.Error, "7.2.3", "A granular marking must have exactly one of marking_ref and lang.");

    /// <summary>Extension keys are predefined extension names or extension-definition ids (section 3.2, 7.3).</summary>
    public static readonly StixRule ExtensionKey = Define("extension-key", Severity.Error, "7.3", "An extensions key must be a predefined extension of the type, an extension-definition id, or a custom -ext name.");

    /// <summary>Extensions defined by an extension-definition carry extension_type (section 7.3).</summary>
    public static readonly StixRule ExtensionType = Define("extension-type", Severity.Error, "7.3", "An extension that uses an extension-definition must state a valid extension_type.");

    /// <summary>A toplevel-property-extension entry holds nothing but extension_type (section 7.3).</summary>
    public static readonly StixRule ToplevelPropertyExtension = Define("toplevel-property-extension", Severity.Error, "7.3", "A toplevel-property-extension entry must hold only extension_type; its properties are at the top level.");

    /// <summary>Custom extension (deprecated) names (section 11.3.1).</summary>
    public static readonly StixRule CustomExtension = Define("custom-extension", Severity.Warning, "11.3", "Custom -ext extensions are deprecated; use an extension-definition (section 7.3).");

    /// <summary>Extensions have at least one property.</summary>
    public static readonly StixRule EmptyExtension = Define("empty-extension", Severity.Error, "11.3.1", "An extension must have at least one property.");

    /// <summary>SCO ids SHOULD be deterministic UUIDv5 ids (section 2.9, 3.4).</summary>
    public static readonly StixRule DeterministicId = Define("deterministic-id", Severity.Warning, "2.9", "An SCO id should be the UUIDv5 of its ID contributing properties in the STIX namespace.");

    /// <summary>An SCO with no contributing property present MUST use UUIDv4 (section 2.9).</summary>
    public static readonly StixRule DeterministicIdVersion = Define("deterministic-id-version", Severity.Error, "2.9", "An SCO whose ID contributing properties are all absent must use a UUIDv4.");

    /// <summary>Non-SCO ids SHOULD use UUIDv4 (section 2.9).</summary>
    public static readonly StixRule IdentifierVersion = Define("identifier-version", Severity.Warning, "2.9", "SDOs, SROs, meta objects and bundles should use UUIDv4 ids.");

    /// <summary>The indicator's pattern is a valid pattern of its pattern_type (section 4.7).</summary>
    public static readonly StixRule PatternSyntax = Define("pattern-syntax", Severity.Error, "4.7.1", "An indicator's pattern must be valid in its pattern_type's language.");

    /// <summary>Reported when no checker for the pattern language was available.</summary>
    public static readonly StixRule PatternNotChecked = Define("pattern-not-checked", Severity.Warning, "4.7.1", "The pattern was not checked: no parser for its pattern_type is available.");

    private static void RuntimeHelpersTouch() => System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(StixRules).TypeHandle);

    private static StixRule Define(string id, Severity severity, string section, string summary)
    {
        var rule = new StixRule(id, severity, section, summary);
        Registry.Rules.Add(rule);
        return rule;
    }

    private static class Registry
    {
        internal static readonly List<StixRule> Rules = [];
    }
}

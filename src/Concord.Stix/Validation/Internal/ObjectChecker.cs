// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;
using Concord.Stix.Identifiers;
using Concord.Stix.Schema;

namespace Concord.Stix.Validation.Internal;

/// <summary>
/// Walks STIX objects against their schemas and reports every broken rule. The walk keeps the
/// current JSON path as a stack and reads values as characters, so that valid content costs no
/// allocation beyond the property names the schema does not know. Not thread-safe: one checker
/// per thread.
/// </summary>
internal sealed class ObjectChecker
{
    private const long MaxInteger = (1L << 53) - 1;
    private const string ExtensionDefinitionPrefix = "extension-definition--";

    private readonly ValidationSink sink;
    private readonly StixValidatorOptions options;
    private readonly MessageCache messages;
    private readonly JsonPathStack path = new();
    private readonly List<List<JsonProperty>> propertyLists = [];
    private int nesting;
    // The id is read as a string only when a finding needs it.
    private JsonElement idElement;

    // Common properties of the top-level object, picked up during its enumeration instead of searched for again.
    private JsonElement created;
    private JsonElement modified;
    private JsonElement specVersion;
    private JsonElement granularMarkings;
    private JsonElement extensions;

    // Keys of the deprecated observable container being checked; references inside it are local keys.
    private HashSet<string>? containerKeys;

    public ObjectChecker(ValidationSink sink, StixValidatorOptions options, MessageCache messages)
    {
        this.sink = sink;
        this.options = options;
        this.messages = messages;
    }

    public void CheckTopLevel(JsonElement element, string rootPath) => CheckTopLevel(element, rootPath, null, -1);

    /// <summary>Checks an object at <c>rootPath.property[index]</c> (property and index optional); the path text is built only if something is reported.</summary>
    public void CheckTopLevel(JsonElement element, string rootPath, string? property, int index)
    {
        path.Reset(rootPath);
        if (property is not null)
        {
            path.Push(property);
        }

        if (index >= 0)
        {
            path.Push(index);
        }

        idElement = created = modified = specVersion = granularMarkings = extensions = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            Report(StixRules.JsonObject, $"expected a STIX object (a JSON object), found {Describe(element)}");
            return;
        }

        // System.Text.Json searches properties from the last; type and id come first in practice, so look forward.
        JsonElement typeElement = default;
        foreach (var candidate in element.EnumerateObject())
        {
            if (candidate.NameEquals("type"u8))
            {
                typeElement = candidate.Value;
            }
            else if (candidate.NameEquals("id"u8))
            {
                idElement = candidate.Value;
            }

            if (typeElement.ValueKind != JsonValueKind.Undefined && idElement.ValueKind != JsonValueKind.Undefined)
            {
                break;
            }
        }

        if (typeElement.ValueKind != JsonValueKind.String)
        {
            var missing = typeElement.ValueKind == JsonValueKind.Undefined;
            ReportAt(
                missing ? StixRules.RequiredProperty : StixRules.PropertyType,
                "type",
                missing ? "the required property 'type' is missing" : $"'type' must be a string, found {Describe(typeElement)}");
            return;
        }

        var type = typeElement.GetString()!;
        var schema = (type == "bundle" ? StixSchemas.Bundle : StixSchemas.Find(type)) ?? CustomSchema(element, type);
        CheckProperties(element, schema, topLevel: true);
        CheckIdentity(element, schema, type);
        CheckVersioning();
        CheckGranularMarkings(element);
    }

    private ObjectSchema CustomSchema(JsonElement element, string type)
    {
        if (!Names.IsValidTypeName(type))
        {
            ReportAt(StixRules.TypeName, "type", $"'{type}' is not a valid type name: 3 to 250 characters of a-z, 0-9 and single hyphens, beginning with a letter");
        }

        if (DefinedCategory(element) is { } category)
        {
            return CustomSchemas.ForExtensionType(category);
        }

        ReportAt(Custom(StixRules.CustomObject), "type", $"'{type}' is not a STIX 2.1 type; custom objects are deprecated in favour of extension-definition new-sdo/new-sco/new-sro types");
        var count = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (!property.NameEquals("type") && !property.NameEquals("id"))
            {
                count++;
            }
        }

        if (count == 0)
        {
            Report(StixRules.CustomObjectProperties, "a custom object must have at least one property besides type and id");
        }

        return CustomSchemas.Deprecated;
    }

    // Section 7.3: an object of a new type names the extension-definition that defines it, with extension_type new-sdo/new-sco/new-sro.
    private static ObjectCategory? DefinedCategory(JsonElement element)
    {
        if (!element.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var extension in extensions.EnumerateObject())
        {
            if (extension.Value.ValueKind == JsonValueKind.Object
                && extension.Value.TryGetProperty("extension_type", out var kind) && kind.ValueKind == JsonValueKind.String)
            {
                if (kind.ValueEquals("new-sdo"))
                {
                    return ObjectCategory.Domain;
                }

                if (kind.ValueEquals("new-sro"))
                {
                    return ObjectCategory.Relationship;
                }

                if (kind.ValueEquals("new-sco"))
                {
                    return ObjectCategory.Observable;
                }
            }
        }

        return null;
    }

    private void CheckProperties(JsonElement element, ObjectSchema schema, bool topLevel)
    {
        Span<char> buffer = stackalloc char[JsonText.BufferSize];
        var seen = 0UL;
        List<JsonProperty>? others = null;
        var depth = nesting++;
        var customCount = 0;
        foreach (var property in element.EnumerateObject())
        {
            var index = schema.Utf8Names.IndexOf(JsonMarshal.GetRawUtf8PropertyName(property));
            if (index < 0 && JsonMarshal.GetRawUtf8PropertyName(property).Contains((byte)'\\'))
            {
                // An escaped name (e.g. "\u0074ype") is the same property once decoded.
                schema.IndexLookup.TryGetValue(property.Name, out index);
            }

            if (index >= 0)
            {
                var spec = schema.Ordered[index];
                path.Push(spec.Name);
                if ((seen & (1UL << index)) != 0)
                {
                    Report(StixRules.DuplicateKey, $"the property '{spec.Name}' appears more than once");
                }
                else
                {
                    seen |= 1UL << index;
                    if (topLevel)
                    {
                        Remember(schema.CommonIndexes, index, property.Value);
                    }

                    if (spec.Deprecated)
                    {
                        Report(StixRules.DeprecatedProperty, $"'{spec.Name}' is deprecated in STIX 2.1 (section {schema.Section})");
                    }

                    CheckValue(property.Value, spec.Type, schema);
                }

                path.Pop();
                continue;
            }

            others ??= RentList(depth);
            if (IsRepeated(others, property))
            {
                ReportAt(StixRules.DuplicateKey, property.Name, $"the property '{property.Name}' appears more than once");
                continue;
            }

            others.Add(property);
        }

        if (others is not null)
        {
            // Known only now that every property, extensions included, has been seen.
            var declaredByExtension = topLevel && DeclaresToplevelProperties(extensions);
            foreach (var property in others)
            {
                if (CheckUndefinedProperty(property, JsonText.Name(property, buffer), schema, declaredByExtension))
                {
                    customCount++;
                }
            }
        }

        if (customCount > 0)
        {
            ReportCustomProperties(schema, others!);
        }

        CheckConstraints(element, schema, seen, others);
        nesting--;
        if (schema.Rules.Count > 0)
        {
            var context = new ObjectRuleContext(element, ObjectId, path, sink, options, schema, seen);
            foreach (var rule in schema.Rules)
            {
                rule(context);
            }
        }
    }

    // One reusable list per nesting level: most objects of real feeds carry custom properties.
    private List<JsonProperty> RentList(int depth)
    {
        while (propertyLists.Count <= depth)
        {
            propertyLists.Add([]);
        }

        var list = propertyLists[depth];
        list.Clear();
        return list;
    }

    private static bool IsRepeated(List<JsonProperty> earlier, JsonProperty property)
    {
        var name = JsonMarshal.GetRawUtf8PropertyName(property);
        foreach (var other in earlier)
        {
            if (JsonMarshal.GetRawUtf8PropertyName(other).SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    // One finding per object lists its custom properties: ATT&CK-style content has many on every object.
    private void ReportCustomProperties(ObjectSchema schema, List<JsonProperty> others) =>
        Report(Custom(StixRules.CustomProperty), messages.GetOrAdd(schema, others, CustomPropertiesMessage));

    private static string CustomPropertiesMessage(ObjectSchema schema, List<JsonProperty> others)
    {
        Span<char> buffer = stackalloc char[JsonText.BufferSize];
        var names = new System.Text.StringBuilder();
        foreach (var property in others)
        {
            var name = JsonText.Name(property, buffer);
            if (Names.IsValidPropertyName(name))
            {
                names.Append(names.Length == 0 ? string.Empty : ", ").Append(name);
            }
        }

        return $"{schema.TypeName} has custom properties ({names}); custom properties are deprecated (section 11.1), use a toplevel-property-extension";
    }

    private void CheckConstraints(JsonElement element, ObjectSchema schema, ulong seen, List<JsonProperty>? others)
    {
        var missing = schema.RequiredMask & ~seen;
        for (var i = 0; missing != 0; i++, missing >>= 1)
        {
            if ((missing & 1) != 0)
            {
                var name = schema.Ordered[i].Name;
                ReportAt(StixRules.RequiredProperty, name, $"the required property '{name}' of {schema.TypeName} (section {schema.Section}) is missing");
            }
        }

        for (var g = 0; g < schema.AtLeastOneOfMasks.Length; g++)
        {
            if ((schema.AtLeastOneOfMasks[g] & seen) == 0)
            {
                Report(StixRules.AtLeastOneOf, $"{schema.TypeName} must have at least one of {string.Join(", ", schema.AtLeastOneOf[g])} (section {schema.Section})");
            }
        }

        for (var g = 0; g < schema.ExclusiveMasks.Length; g++)
        {
            var present = schema.MutuallyExclusive[g].Where(n => (seen & (1UL << schema.IndexLookup[n])) != 0).ToList();
            if (present.Count > 1)
            {
                ReportAt(StixRules.MutuallyExclusive, present[1], $"{string.Join(" and ", present)} must not both be present (section {schema.Section})");
            }
        }

        foreach (var (dependent, requires) in schema.DependencyIndexes)
        {
            if ((seen & (1UL << dependent)) != 0 && (seen & (1UL << requires)) == 0)
            {
                var name = schema.Ordered[dependent].Name;
                ReportAt(StixRules.PropertyDependency, name, $"'{name}' requires '{schema.Ordered[requires].Name}', which is missing (section {schema.Section})");
            }
        }

        CheckEncodings(element, schema, seen, others);
    }

    // Section 3.1: a property ending in _enc gives the encoding of its base property, which must be present.
    private void CheckEncodings(JsonElement element, ObjectSchema schema, ulong seen, List<JsonProperty>? others)
    {
        foreach (var i in schema.EncodingIndexes)
        {
            var name = schema.Ordered[i].Name;
            if ((seen & (1UL << i)) != 0 && !element.TryGetProperty(name[..^4], out _))
            {
                ReportAt(StixRules.EncodingWithoutProperty, name, $"'{name}' is present without '{name[..^4]}', the property whose encoding it gives");
            }
        }

        foreach (var property in others ?? [])
        {
            if (!JsonMarshal.GetRawUtf8PropertyName(property).EndsWith("_enc"u8))
            {
                continue;
            }

            var name = property.Name;
            if (name.Length > 4 && name.EndsWith("_enc", StringComparison.Ordinal) && !element.TryGetProperty(name[..^4], out _))
            {
                ReportAt(StixRules.EncodingWithoutProperty, name, $"'{name}' is present without '{name[..^4]}', the property whose encoding it gives");
            }
        }
    }

    // Whether an extension-definition of type toplevel-property-extension puts its properties at the top level (section 7.3).
    private void Remember(CommonPropertyIndexes common, int index, JsonElement value)
    {
        if (index == common.Created)
        {
            created = value;
        }
        else if (index == common.Modified)
        {
            modified = value;
        }
        else if (index == common.SpecVersion)
        {
            specVersion = value;
        }
        else if (index == common.GranularMarkings)
        {
            granularMarkings = value;
        }
        else if (index == common.Extensions)
        {
            extensions = value;
        }
    }

    private static bool DeclaresToplevelProperties(JsonElement extensions)
    {
        if (extensions.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var extension in extensions.EnumerateObject())
        {
            if (extension.Value.ValueKind == JsonValueKind.Object
                && extension.Value.TryGetProperty("extension_type", out var kind) && kind.ValueKind == JsonValueKind.String
                && kind.ValueEquals("toplevel-property-extension"))
            {
                return true;
            }
        }

        return false;
    }

    // Returns whether the property is a well-formed custom property (reported once per object by the caller).
    private bool CheckUndefinedProperty(JsonProperty property, ReadOnlySpan<char> name, ObjectSchema schema, bool declaredByExtension)
    {
        var custom = false;
        if (!Names.IsValidPropertyName(name))
        {
            ReportAt(StixRules.PropertyName, property.Name, $"'{property.Name}' is not a valid property name: 3 to 250 characters of a-z, 0-9 and underscore, beginning with a letter");
        }
        else if (!schema.AllowsCustomProperties)
        {
            ReportAt(StixRules.PropertyName, property.Name, $"'{property.Name}' is not a property of {schema.TypeName} (section {schema.Section})");
        }
        else if (!declaredByExtension && !ReferenceEquals(schema, CustomSchemas.Deprecated) && schema.Category != ObjectCategory.Embedded)
        {
            custom = true;
            if (!name.StartsWith("x_", StringComparison.Ordinal))
            {
                ReportAt(StixRules.CustomPropertyPrefix, property.Name, $"custom property '{property.Name}' should start with x_ followed by a source identifier");
            }
        }

        if (property.Value.ValueKind == JsonValueKind.Null)
        {
            ReportAt(StixRules.PropertyType, property.Name, "null is not a STIX value; omit the property instead");
        }
        else
        {
            CheckSuffix(property, name);
        }

        return custom;
    }

    // Section 3.1: the suffixes _ref, _refs, _bin and _hex say what the value is.
    private void CheckSuffix(JsonProperty property, ReadOnlySpan<char> name)
    {
        var value = property.Value;
        if (name.EndsWith("_ref", StringComparison.Ordinal))
        {
            if (!IsSuffixIdentifier(value))
            {
                ReportAt(StixRules.PropertySuffix, property.Name, $"'{property.Name}' ends in _ref, so it should hold an identifier (type--UUID); found {Describe(value)}");
            }
        }
        else if (name.EndsWith("_refs", StringComparison.Ordinal))
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                ReportAt(StixRules.PropertySuffix, property.Name, $"'{property.Name}' ends in _refs, so it should be a list of identifiers; found {Describe(value)}");
                return;
            }

            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (!IsSuffixIdentifier(item))
                {
                    path.Push(property.Name);
                    ReportAt(StixRules.PropertySuffix, index, $"'{property.Name}' ends in _refs, so its items should be identifiers (type--UUID); found {Describe(item)}");
                    path.Pop();
                }

                index++;
            }
        }
        else if (name.EndsWith("_bin", StringComparison.Ordinal)
            && (value.ValueKind != JsonValueKind.String || !Base64.IsValid(value.GetString()!)))
        {
            ReportAt(StixRules.PropertySuffix, property.Name, $"'{property.Name}' ends in _bin, so it should be base64; found {Describe(value)}");
        }
        else if (name.EndsWith("_hex", StringComparison.Ordinal)
            && (value.ValueKind != JsonValueKind.String || !Names.IsHex(value.GetString()!)))
        {
            ReportAt(StixRules.PropertySuffix, property.Name, $"'{property.Name}' ends in _hex, so it should be lowercase hex with an even number of digits; found {Describe(value)}");
        }
    }

    private bool IsSuffixIdentifier(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        if (containerKeys is not null || StixIdentifier.TryParseCore(JsonMarshal.GetRawUtf8Value(value)[1..^1], out _, out _))
        {
            return true;
        }

        Span<char> buffer = stackalloc char[JsonText.BufferSize];
        return StixIdentifier.TryParseCore(JsonText.Value(value, buffer), out _, out _);
    }

    private void CheckValue(JsonElement value, PropertyType type, ObjectSchema owner)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            Report(StixRules.PropertyType, $"expected {type.Describe()}, found null; omit the property instead");
            return;
        }

        switch (type)
        {
            case StringType:
                ExpectKind(value, JsonValueKind.String, type);
                break;
            case BooleanType:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    WrongType(value, type);
                }

                break;
            case IntegerType integer:
                CheckInteger(value, integer);
                break;
            case FloatType number:
                CheckFloat(value, number);
                break;
            case TimestampType timestamp:
                CheckTimestamp(value, timestamp);
                break;
            case IdentifierType identifier:
                CheckIdentifier(value, identifier);
                break;
            case BinaryType:
                if (ExpectKind(value, JsonValueKind.String, type) && !Base64.IsValid(value.GetString()!))
                {
                    Report(StixRules.BinaryFormat, "expected base64 (RFC 4648), found characters or padding that are not base64");
                }

                break;
            case HexType:
                if (ExpectKind(value, JsonValueKind.String, type) && !Names.IsHex(value.GetString()!))
                {
                    Report(StixRules.HexFormat, $"expected lowercase hex with an even number of digits, found '{value.GetString()}'");
                }

                break;
            case HashesType:
                CheckHashes(value, strictVocabulary: ReferenceEquals(owner, CommonSchemas.ExternalReference));
                break;
            case EnumType enumeration:
                CheckEnumeration(value, enumeration);
                break;
            case OpenVocabType vocabulary:
                CheckOpenVocabulary(value, vocabulary);
                break;
            case ListType list:
                CheckList(value, list, owner);
                break;
            case DictionaryType dictionary:
                CheckDictionary(value, dictionary, owner);
                break;
            case EmbeddedType embedded:
                if (ExpectKind(value, JsonValueKind.Object, type))
                {
                    CheckProperties(value, embedded.Schema, topLevel: false);
                }

                break;
            case ExtensionsType:
                CheckExtensions(value, owner);
                break;
            case ObservableContainerType:
                CheckObservableContainer(value);
                break;
            default:
                break;
        }
    }

    private bool ExpectKind(JsonElement value, JsonValueKind kind, PropertyType type)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }

        WrongType(value, type);
        return false;
    }

    private void WrongType(JsonElement value, PropertyType type) =>
        Report(StixRules.PropertyType, $"expected {type.Describe()}, found {Describe(value)}");

    private void CheckInteger(JsonElement value, IntegerType type)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            WrongType(value, type);
            return;
        }

        if (!value.TryGetInt64(out var number))
        {
            // A fraction or exponent makes it a float; digits alone that overflow 64 bits are out of range.
            if (value.GetRawText().AsSpan().IndexOfAny(".eE") >= 0)
            {
                WrongType(value, type);
            }
            else
            {
                Report(StixRules.ValueRange, $"expected {type.Describe()} within ±(2^53-1), found {value.GetRawText()}");
            }

            return;
        }

        if (number > MaxInteger || number < -MaxInteger)
        {
            Report(StixRules.ValueRange, $"integers must be within ±(2^53-1) (section 2.10), found {number}");
        }
        else if ((type.Minimum is { } min && number < min) || (type.Maximum is { } max && number > max))
        {
            Report(StixRules.ValueRange, $"expected {type.Describe()}, found {number}");
        }
    }

    private void CheckFloat(JsonElement value, FloatType type)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            WrongType(value, type);
            return;
        }

        var number = value.GetDouble();
        if ((type.Minimum is { } min && number < min) || (type.Maximum is { } max && number > max) || double.IsInfinity(number))
        {
            Report(StixRules.ValueRange, $"expected {type.Describe()}, found {value.GetRawText()}");
        }
    }

    private void CheckTimestamp(JsonElement value, TimestampType type)
    {
        if (!ExpectKind(value, JsonValueKind.String, type))
        {
            return;
        }

        // Timestamps are ASCII: check the raw UTF-8 first and decode only when it is escaped or wrong.
        var raw = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        if (StixTimestamp.TryParseCore(raw, out _, out var rawDigits) && !(type.MillisecondPrecision && rawDigits < 3))
        {
            return;
        }

        Span<char> buffer = stackalloc char[JsonText.BufferSize];
        var text = JsonText.Value(value, buffer);
        if (!StixTimestamp.TryParseCore(text, out _, out var fractionDigits))
        {
            Report(StixRules.TimestampFormat, $"expected an RFC 3339 UTC timestamp YYYY-MM-DDTHH:mm:ss[.s+]Z, found '{text}'");
        }
        else if (type.MillisecondPrecision && fractionDigits < 3)
        {
            Report(StixRules.TimestampPrecision, $"expected at least millisecond precision (e.g. {text[..19]}.000Z), found '{text}'");
        }
    }

    private void CheckIdentifier(JsonElement value, IdentifierType type)
    {
        if (!ExpectKind(value, JsonValueKind.String, type))
        {
            return;
        }

        if (containerKeys is not null)
        {
            // Section 2.13: inside an observable container, references are keys of the same container.
            var key = value.GetString()!;
            if (!containerKeys.Contains(key))
            {
                Report(StixRules.ReferenceType, $"'{key}' is not a key of this observable container; container references must resolve within it");
            }

            return;
        }

        // Identifiers are ASCII: check the raw UTF-8 first and decode only when it is escaped or wrong.
        var raw = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        if (StixIdentifier.TryParseCore(raw, out var rawTypeLength, out _) && type.Targets.Allows(raw[..rawTypeLength]))
        {
            return;
        }

        Span<char> buffer = stackalloc char[JsonText.BufferSize];
        var text = JsonText.Value(value, buffer);
        if (!StixIdentifier.TryParseCore(text, out var typeLength, out _))
        {
            Report(StixRules.IdentifierFormat, $"expected an identifier object-type--UUID with an RFC 4122 UUID, found '{text}'");
        }
        else if (!type.Targets.Allows(text[..typeLength]))
        {
            Report(StixRules.ReferenceType, $"expected {type.Describe()}, found a reference to {text[..typeLength]}");
        }
    }

    private void CheckHashes(JsonElement value, bool strictVocabulary)
    {
        if (!ExpectKind(value, JsonValueKind.Object, PropertyTypes.Hashes))
        {
            return;
        }

        var any = false;
        foreach (var hash in value.EnumerateObject())
        {
            any = true;
            path.Push(hash.Name);
            if (!Names.IsValidHashKey(hash.Name))
            {
                Report(StixRules.HashAlgorithm, $"'{hash.Name}' is not a valid hash algorithm name: 3 to 250 characters of a-z, A-Z, 0-9, hyphen and underscore");
            }
            else if (!Vocabularies.HashAlgorithm.Contains(hash.Name))
            {
                Report(
                    strictVocabulary ? StixRules.ExternalReferenceHash : StixRules.HashAlgorithmVocabulary,
                    $"'{hash.Name}' is not in hash-algorithm-ov ({string.Join(", ", Vocabularies.HashAlgorithm.Values.Order(StringComparer.Ordinal))})");
            }

            if (hash.Value.ValueKind != JsonValueKind.String)
            {
                Report(StixRules.PropertyType, $"a hash value is a string, found {Describe(hash.Value)}");
            }
            else if (HashFormats.Check(hash.Name, hash.Value.GetString()!) is { } expected)
            {
                Report(StixRules.HashValue, $"expected {expected} for {hash.Name}, found '{hash.Value.GetString()}'");
            }

            path.Pop();
        }

        if (!any)
        {
            Report(StixRules.EmptyDictionary, "a hashes dictionary must have at least one hash");
        }
    }

    private void CheckEnumeration(JsonElement value, EnumType type)
    {
        if (!ExpectKind(value, JsonValueKind.String, type))
        {
            return;
        }

        Span<char> buffer = stackalloc char[JsonText.BufferSize];
        var term = JsonText.Value(value, buffer);
        if (!type.Vocabulary.Contains(term))
        {
            Report(StixRules.EnumValue, $"'{term}' is not a value of {type.Vocabulary.Name} (section {type.Vocabulary.Section}): expected one of {string.Join(", ", type.Vocabulary.Values.Order(StringComparer.Ordinal))}");
        }
    }

    private void CheckOpenVocabulary(JsonElement value, OpenVocabType type)
    {
        if (!ExpectKind(value, JsonValueKind.String, type))
        {
            return;
        }

        Span<char> buffer = stackalloc char[JsonText.BufferSize];
        var term = JsonText.Value(value, buffer);
        if (!type.Vocabulary.Contains(term))
        {
            var advice = Names.IsConventionalTerm(term) ? string.Empty : "; terms outside the vocabulary should be lowercase with hyphens";
            Report(StixRules.VocabularyValue, $"'{term}' is not in {type.Vocabulary.Name} (section {type.Vocabulary.Section}){advice}");
        }
    }

    private void CheckList(JsonElement value, ListType type, ObjectSchema owner)
    {
        if (!ExpectKind(value, JsonValueKind.Array, type))
        {
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            path.Push(index++);
            CheckValue(item, type.Item, owner);
            path.Pop();
        }

        if (index == 0)
        {
            Report(StixRules.EmptyList, "lists must have at least one value; omit an optional property instead");
        }
    }

    private void CheckDictionary(JsonElement value, DictionaryType type, ObjectSchema owner)
    {
        if (!ExpectKind(value, JsonValueKind.Object, type))
        {
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in value.EnumerateObject())
        {
            path.Push(entry.Name);
            if (!keys.Add(entry.Name))
            {
                Report(StixRules.DuplicateKey, $"the key '{entry.Name}' appears more than once");
            }

            if (!Names.IsValidDictionaryKey(entry.Name))
            {
                Report(StixRules.DictionaryKey, $"'{entry.Name}' is not a valid dictionary key: 1 to 250 characters of a-z, A-Z, 0-9, hyphen and underscore");
            }

            if (type.Value is { } valueType)
            {
                CheckValue(entry.Value, valueType, owner);
            }
            else if (entry.Value.ValueKind == JsonValueKind.Null)
            {
                Report(StixRules.PropertyType, "null is not a STIX value");
            }

            path.Pop();
        }

        if (keys.Count == 0)
        {
            Report(StixRules.EmptyDictionary, "dictionaries must have at least one key; omit an optional property instead");
        }
    }

    private void CheckExtensions(JsonElement value, ObjectSchema owner)
    {
        if (!ExpectKind(value, JsonValueKind.Object, new ExtensionsType()))
        {
            return;
        }

        var any = false;
        foreach (var extension in value.EnumerateObject())
        {
            any = true;
            path.Push(extension.Name);
            CheckExtension(extension.Name, extension.Value, owner);
            path.Pop();
        }

        if (!any)
        {
            Report(StixRules.EmptyDictionary, "extensions must have at least one entry; omit the property instead");
        }
    }

    private void CheckExtension(string name, JsonElement body, ObjectSchema owner)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            Report(StixRules.PropertyType, $"an extension is a JSON object, found {Describe(body)}");
        }
        else if (body.GetPropertyCount() == 0)
        {
            Report(StixRules.EmptyExtension, "an extension must have at least one property");
        }
        else if (name.StartsWith(ExtensionDefinitionPrefix, StringComparison.Ordinal))
        {
            CheckDefinedExtension(name, body);
        }
        else if (StixSchemas.FindExtension(name) is { } predefined)
        {
            if (predefined.ObjectType != owner.TypeName)
            {
                Report(StixRules.ExtensionKey, $"'{name}' is an extension of {predefined.ObjectType} (section {predefined.Schema.Section}), not of {owner.TypeName}");
            }
            else
            {
                CheckProperties(body, predefined.Schema, topLevel: false);
            }
        }
        else if (owner.Category == ObjectCategory.Observable && Names.IsValidCustomExtensionName(name))
        {
            Report(Custom(StixRules.CustomExtension), $"'{name}' is a custom extension; these are deprecated in favour of extension-definition property extensions");
            CheckExtensionPropertyNames(body);
        }
        else
        {
            Report(StixRules.ExtensionKey, $"'{name}' is neither a predefined extension of {owner.TypeName} nor an extension-definition identifier");
        }
    }

    private void CheckDefinedExtension(string name, JsonElement body)
    {
        if (!StixIdentifier.TryParse(name, out var identifier) || identifier.Type != "extension-definition")
        {
            Report(StixRules.IdentifierFormat, $"expected an extension-definition identifier extension-definition--UUID, found '{name}'");
        }

        if (!body.TryGetProperty("extension_type", out var kind))
        {
            ReportAt(StixRules.ExtensionType, "extension_type", "an extension that uses an extension-definition must state its extension_type (section 7.3)");
        }
        else if (kind.ValueKind != JsonValueKind.String || !Vocabularies.ExtensionType.Contains(kind.GetString()!))
        {
            ReportAt(StixRules.ExtensionType, "extension_type", $"expected one of {string.Join(", ", Vocabularies.ExtensionType.Values.Order(StringComparer.Ordinal))}, found {Describe(kind)}");
        }
        else if (kind.ValueEquals("toplevel-property-extension"))
        {
            foreach (var property in body.EnumerateObject())
            {
                if (!property.NameEquals("extension_type"))
                {
                    ReportAt(StixRules.ToplevelPropertyExtension, property.Name, "a toplevel-property-extension entry holds only extension_type; its properties belong at the top level of the object");
                }
            }
        }

        CheckExtensionPropertyNames(body);
    }

    private void CheckExtensionPropertyNames(JsonElement body)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (!property.NameEquals("extension_type") && !Names.IsValidPropertyName(property.Name))
            {
                ReportAt(StixRules.PropertyName, property.Name, $"'{property.Name}' is not a valid extension property name: 3 to 250 characters of a-z, 0-9 and underscore, beginning with a letter");
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                ReportAt(StixRules.PropertyType, property.Name, "null is not a STIX value; omit the property instead");
            }
            else
            {
                CheckSuffix(property, property.Name);
            }
        }
    }

    private void CheckObservableContainer(JsonElement value)
    {
        if (!ExpectKind(value, JsonValueKind.Object, new ObservableContainerType()))
        {
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in value.EnumerateObject())
        {
            keys.Add(entry.Name);
        }

        if (keys.Count == 0)
        {
            Report(StixRules.EmptyDictionary, "an observable container must hold at least one object");
            return;
        }

        var outer = containerKeys;
        containerKeys = keys;
        foreach (var entry in value.EnumerateObject())
        {
            path.Push(entry.Name);
            CheckContainedObservable(entry.Value);
            path.Pop();
        }

        containerKeys = outer;
    }

    private void CheckContainedObservable(JsonElement observable)
    {
        if (observable.ValueKind != JsonValueKind.Object)
        {
            Report(StixRules.JsonObject, $"an observable container holds cyber-observable objects, found {Describe(observable)}");
            return;
        }

        if (!observable.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            ReportAt(StixRules.RequiredProperty, "type", "every object of an observable container needs a string type");
            return;
        }

        var typeName = type.GetString()!;
        var schema = StixSchemas.Find(typeName);
        if (schema is not null && schema.Category == ObjectCategory.Observable)
        {
            CheckProperties(observable, CustomSchemas.ContainerVariant(schema), topLevel: false);
        }
        else if (schema is null && !Names.IsValidTypeName(typeName))
        {
            ReportAt(StixRules.TypeName, "type", $"'{typeName}' is not a valid type name");
        }
    }

    private void CheckIdentity(JsonElement element, ObjectSchema schema, string type)
    {
        if (idElement.ValueKind != JsonValueKind.String)
        {
            return;
        }

        path.Push("id");
        var id = idElement.GetString()!;
        if (!StixIdentifier.TryParseCore(id, out var typeLength, out var version))
        {
            Report(StixRules.IdentifierFormat, $"expected {type}--UUID with an RFC 4122 UUID, found '{id}'");
        }
        else if (!id.AsSpan(0, typeLength).SequenceEqual(type))
        {
            Report(StixRules.IdentifierType, $"the id's type part '{id[..typeLength]}' must equal the object's type '{type}'");
        }
        else if (schema.Category == ObjectCategory.Observable && schema.IdContributingProperties.Count > 0)
        {
            CheckDeterministicId(element, schema, type, id, version);
        }
        else if (schema.Category != ObjectCategory.Observable && version != 4)
        {
            Report(StixRules.IdentifierVersion, $"{type} ids should use UUIDv4, found version {version}");
        }

        path.Pop();
    }

    private void CheckDeterministicId(JsonElement element, ObjectSchema schema, string type, string id, int version)
    {
        var expected = DeterministicId.Compute(element, type, schema.IdContributingProperties);
        if (expected is null)
        {
            if (version != 4)
            {
                Report(StixRules.DeterministicIdVersion, $"none of the ID contributing properties ({string.Join(", ", schema.IdContributingProperties)}) is present, so the id must use a UUIDv4, found version {version}");
            }
        }
        else if (!string.Equals(expected, id, StringComparison.OrdinalIgnoreCase))
        {
            Report(StixRules.DeterministicId, $"the deterministic id from {string.Join(", ", schema.IdContributingProperties)} is {expected}, found {id}");
        }
    }

    private void CheckVersioning()
    {
        if (specVersion.ValueKind == JsonValueKind.String && !specVersion.ValueEquals("2.1"))
        {
            ReportAt(StixRules.SpecVersion, "spec_version", $"expected \"2.1\", found \"{specVersion.GetString()}\"");
        }

        if (created.ValueKind == JsonValueKind.String && modified.ValueKind == JsonValueKind.String && !JsonText.SameRaw(created, modified))
        {
            Span<char> createdBuffer = stackalloc char[JsonText.BufferSize];
            Span<char> modifiedBuffer = stackalloc char[JsonText.BufferSize];
            var createdText = JsonText.Value(created, createdBuffer);
            var modifiedText = JsonText.Value(modified, modifiedBuffer);
            if (StixTimestamp.Compare(modifiedText, createdText) is < 0)
            {
                ReportAt(StixRules.ModifiedBeforeCreated, "modified", $"modified ({modifiedText}) must be later than or equal to created ({createdText})");
            }
        }
    }

    private void CheckGranularMarkings(JsonElement element)
    {
        var markings = granularMarkings;
        if (markings.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        path.Push("granular_markings");
        var index = 0;
        foreach (var marking in markings.EnumerateArray())
        {
            path.Push(index++);
            if (marking.ValueKind == JsonValueKind.Object)
            {
                CheckGranularMarking(element, marking);
            }

            path.Pop();
        }

        path.Pop();
    }

    private void CheckGranularMarking(JsonElement element, JsonElement marking)
    {
        if (marking.TryGetProperty("marking_ref", out _) == marking.TryGetProperty("lang", out _))
        {
            Report(StixRules.GranularMarkingRef, "a granular marking must have exactly one of marking_ref and lang");
        }

        if (!marking.TryGetProperty("selectors", out var selectors) || selectors.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        path.Push("selectors");
        var index = 0;
        foreach (var selector in selectors.EnumerateArray())
        {
            path.Push(index++);
            if (selector.ValueKind == JsonValueKind.String && !GranularSelectors.Resolves(element, selector.GetString()!))
            {
                Report(StixRules.GranularMarkingSelector, $"the selector '{selector.GetString()}' does not refer to anything in this object");
            }

            path.Pop();
        }

        path.Pop();
    }

    private StixRule Custom(StixRule rule) => options.RejectCustomContent ? rule with { Severity = Severity.Error } : rule;

    private string? ObjectId => idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;

    private void Report(StixRule rule, string message) => sink.Add(new Finding(rule, ObjectId, path.ToString(), message));

    private void ReportAt(StixRule rule, string child, string message)
    {
        path.Push(child);
        Report(rule, message);
        path.Pop();
    }

    private void ReportAt(StixRule rule, int index, string message)
    {
        path.Push(index);
        Report(rule, message);
        path.Pop();
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}

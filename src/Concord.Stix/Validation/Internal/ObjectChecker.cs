// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers.Text;
using System.Text.Json;
using Concord.Stix.Identifiers;
using Concord.Stix.Schema;

namespace Concord.Stix.Validation.Internal;

/// <summary>
/// Walks one STIX object against its schema and reports every broken rule. One instance checks
/// one object; it is not thread-safe.
/// </summary>
internal sealed class ObjectChecker
{
    private const long MaxInteger = (1L << 53) - 1;
    private const string ExtensionDefinitionPrefix = "extension-definition--";

    private readonly ValidationSink sink;
    private readonly StixValidatorOptions options;
    private string? objectId;

    // Keys of the deprecated observable container being checked; references inside it are local keys.
    private HashSet<string>? containerKeys;

    public ObjectChecker(ValidationSink sink, StixValidatorOptions options)
    {
        this.sink = sink;
        this.options = options;
    }

    public void CheckTopLevel(JsonElement element, string path)
    {
        objectId = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            Report(StixRules.JsonObject, path, $"expected a STIX object (a JSON object), found {Describe(element)}");
            return;
        }

        if (element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String)
        {
            objectId = idElement.GetString();
        }

        if (!element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            Report(
                typeElement.ValueKind == JsonValueKind.Undefined ? StixRules.RequiredProperty : StixRules.PropertyType,
                JsonPaths.Property(path, "type"),
                typeElement.ValueKind == JsonValueKind.Undefined ? "the required property 'type' is missing" : $"'type' must be a string, found {Describe(typeElement)}");
            return;
        }

        var type = typeElement.GetString()!;
        var schema = type == "bundle" ? StixSchemas.Bundle : StixSchemas.Find(type);
        if (schema is null)
        {
            schema = CustomSchema(element, type, path);
        }

        CheckProperties(element, schema, path, topLevel: true);
        CheckIdentity(element, schema, type, path);
        CheckVersioning(element, path);
        CheckGranularMarkings(element, path);
    }

    private ObjectSchema CustomSchema(JsonElement element, string type, string path)
    {
        if (!Names.IsValidTypeName(type))
        {
            Report(StixRules.TypeName, JsonPaths.Property(path, "type"), $"'{type}' is not a valid type name: 3 to 250 characters of a-z, 0-9 and single hyphens, beginning with a letter");
        }

        var defined = DefinedCategory(element);
        if (defined is { } category)
        {
            return CustomSchemas.ForExtensionType(category);
        }

        Report(options.RejectCustomContent ? StixRules.CustomObject with { Severity = Severity.Error } : StixRules.CustomObject, JsonPaths.Property(path, "type"), $"'{type}' is not a STIX 2.1 type; custom objects are deprecated in favour of extension-definition new-sdo/new-sco/new-sro types");
        var count = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is not ("type" or "id"))
            {
                count++;
            }
        }

        if (count == 0)
        {
            Report(StixRules.CustomObjectProperties, path, "a custom object must have at least one property besides type and id");
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
                switch (kind.GetString())
                {
                    case "new-sdo":
                        return ObjectCategory.Domain;
                    case "new-sro":
                        return ObjectCategory.Relationship;
                    case "new-sco":
                        return ObjectCategory.Observable;
                    default:
                        break;
                }
            }
        }

        return null;
    }

    private void CheckProperties(JsonElement element, ObjectSchema schema, string path, bool topLevel)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        HashSet<string>? toplevelExtensionProperties = null;
        var extensionPropertiesKnown = false;
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            var propertyPath = JsonPaths.Property(path, name);
            if (!seen.Add(name))
            {
                Report(StixRules.DuplicateKey, propertyPath, $"the property '{name}' appears more than once");
                continue;
            }

            if (schema.TryGetProperty(name, out var spec))
            {
                if (spec.Deprecated)
                {
                    Report(StixRules.DeprecatedProperty, propertyPath, $"'{name}' is deprecated in STIX 2.1 (section {schema.Section})");
                }

                CheckValue(property.Value, spec.Type, propertyPath, schema);
                continue;
            }

            if (!extensionPropertiesKnown && topLevel)
            {
                toplevelExtensionProperties = ToplevelExtensionMarker(element);
                extensionPropertiesKnown = true;
            }

            CheckUndefinedProperty(name, property.Value, propertyPath, schema, toplevelExtensionProperties is not null);
        }

        foreach (var required in schema.RequiredProperties)
        {
            if (!seen.Contains(required))
            {
                Report(StixRules.RequiredProperty, JsonPaths.Property(path, required), $"the required property '{required}' of {schema.TypeName} (section {schema.Section}) is missing");
            }
        }

        foreach (var group in schema.AtLeastOneOf)
        {
            if (!group.Any(seen.Contains))
            {
                Report(StixRules.AtLeastOneOf, path, $"{schema.TypeName} must have at least one of {string.Join(", ", group)} (section {schema.Section})");
            }
        }

        foreach (var group in schema.MutuallyExclusive)
        {
            var present = group.Where(seen.Contains).ToList();
            if (present.Count > 1)
            {
                Report(StixRules.MutuallyExclusive, JsonPaths.Property(path, present[1]), $"{string.Join(" and ", present)} must not both be present (section {schema.Section})");
            }
        }

        foreach (var (dependent, requires) in schema.Dependencies)
        {
            if (seen.Contains(dependent) && !seen.Contains(requires))
            {
                Report(StixRules.PropertyDependency, JsonPaths.Property(path, dependent), $"'{dependent}' requires '{requires}', which is missing (section {schema.Section})");
            }
        }

        foreach (var name in seen)
        {
            if (name.Length > 4 && name.EndsWith("_enc", StringComparison.Ordinal) && !seen.Contains(name[..^4]))
            {
                Report(StixRules.EncodingWithoutProperty, JsonPaths.Property(path, name), $"'{name}' is present without '{name[..^4]}', the property whose encoding it gives");
            }
        }

        if (schema.Rules.Count > 0)
        {
            var context = new ObjectRuleContext(element, objectId, path, sink, options);
            foreach (var rule in schema.Rules)
            {
                rule(context);
            }
        }
    }

    // The extension-definition ids whose extension_type is toplevel-property-extension; their properties sit at the top level.
    private static HashSet<string>? ToplevelExtensionMarker(JsonElement element)
    {
        if (!element.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        HashSet<string>? ids = null;
        foreach (var extension in extensions.EnumerateObject())
        {
            if (extension.Value.ValueKind == JsonValueKind.Object
                && extension.Value.TryGetProperty("extension_type", out var kind) && kind.ValueKind == JsonValueKind.String
                && kind.GetString() == "toplevel-property-extension")
            {
                (ids ??= new HashSet<string>(StringComparer.Ordinal)).Add(extension.Name);
            }
        }

        return ids;
    }

    private void CheckUndefinedProperty(string name, JsonElement value, string path, ObjectSchema schema, bool declaredByExtension)
    {
        if (!Names.IsValidPropertyName(name))
        {
            Report(StixRules.PropertyName, path, $"'{name}' is not a valid property name: 3 to 250 characters of a-z, 0-9 and underscore, beginning with a letter");
        }
        else if (!schema.AllowsCustomProperties)
        {
            Report(StixRules.PropertyName, path, $"'{name}' is not a property of {schema.TypeName} (section {schema.Section})");
        }
        else if (!declaredByExtension && !ReferenceEquals(schema, CustomSchemas.Deprecated) && schema.Category != ObjectCategory.Embedded)
        {
            var rule = options.RejectCustomContent ? StixRules.CustomProperty with { Severity = Severity.Error } : StixRules.CustomProperty;
            Report(rule, path, $"'{name}' is not defined for {schema.TypeName}; custom properties are deprecated, use a toplevel-property-extension");
            if (!name.StartsWith("x_", StringComparison.Ordinal))
            {
                Report(StixRules.CustomPropertyPrefix, path, $"custom property '{name}' should start with x_ followed by a source identifier");
            }
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            Report(StixRules.PropertyType, path, "null is not a STIX value; omit the property instead");
            return;
        }

        CheckSuffix(name, value, path);
    }

    // Section 3.1: the suffixes _ref, _refs, _bin and _hex say what the value is.
    private void CheckSuffix(string name, JsonElement value, string path)
    {
        if (name.EndsWith("_ref", StringComparison.Ordinal))
        {
            CheckSuffixIdentifier(value, path, name);
        }
        else if (name.EndsWith("_refs", StringComparison.Ordinal))
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                Report(StixRules.PropertySuffix, path, $"'{name}' ends in _refs, so it should be a list of identifiers; found {Describe(value)}");
                return;
            }

            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                CheckSuffixIdentifier(item, JsonPaths.Index(path, index++), name);
            }
        }
        else if (name.EndsWith("_bin", StringComparison.Ordinal)
            && (value.ValueKind != JsonValueKind.String || !Base64.IsValid(value.GetString()!)))
        {
            Report(StixRules.PropertySuffix, path, $"'{name}' ends in _bin, so it should be base64; found {Describe(value)}");
        }
        else if (name.EndsWith("_hex", StringComparison.Ordinal)
            && (value.ValueKind != JsonValueKind.String || !Names.IsHex(value.GetString()!)))
        {
            Report(StixRules.PropertySuffix, path, $"'{name}' ends in _hex, so it should be lowercase hex with an even number of digits; found {Describe(value)}");
        }
    }

    private void CheckSuffixIdentifier(JsonElement value, string path, string name)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Report(StixRules.PropertySuffix, path, $"'{name}' should hold identifiers, found {Describe(value)}");
        }
        else if (containerKeys is null && !StixIdentifier.TryParse(value.GetString(), out _))
        {
            Report(StixRules.PropertySuffix, path, $"'{name}' should hold identifiers (type--UUID), found '{value.GetString()}'");
        }
    }

    private void CheckValue(JsonElement value, PropertyType type, string path, ObjectSchema owner)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            Report(StixRules.PropertyType, path, $"expected {type.Describe()}, found null; omit the property instead");
            return;
        }

        switch (type)
        {
            case StringType:
                ExpectKind(value, JsonValueKind.String, type, path);
                break;
            case BooleanType:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    WrongType(value, type, path);
                }

                break;
            case IntegerType integer:
                CheckInteger(value, integer, path);
                break;
            case FloatType number:
                CheckFloat(value, number, path);
                break;
            case TimestampType timestamp:
                CheckTimestamp(value, timestamp, path);
                break;
            case IdentifierType identifier:
                CheckIdentifier(value, identifier, path);
                break;
            case BinaryType:
                if (ExpectKind(value, JsonValueKind.String, type, path) && !Base64.IsValid(value.GetString()!))
                {
                    Report(StixRules.BinaryFormat, path, "expected base64 (RFC 4648), found characters or padding that are not base64");
                }

                break;
            case HexType:
                if (ExpectKind(value, JsonValueKind.String, type, path) && !Names.IsHex(value.GetString()!))
                {
                    Report(StixRules.HexFormat, path, $"expected lowercase hex with an even number of digits, found '{value.GetString()}'");
                }

                break;
            case HashesType:
                CheckHashes(value, path, strictVocabulary: ReferenceEquals(owner, CommonSchemas.ExternalReference));
                break;
            case EnumType enumeration:
                if (ExpectKind(value, JsonValueKind.String, type, path) && !enumeration.Vocabulary.Contains(value.GetString()!))
                {
                    Report(StixRules.EnumValue, path, $"'{value.GetString()}' is not a value of {enumeration.Vocabulary.Name} (section {enumeration.Vocabulary.Section}): expected one of {string.Join(", ", enumeration.Vocabulary.Values.Order(StringComparer.Ordinal))}");
                }

                break;
            case OpenVocabType vocabulary:
                CheckOpenVocabulary(value, vocabulary, path);
                break;
            case ListType list:
                CheckList(value, list, path, owner);
                break;
            case DictionaryType dictionary:
                CheckDictionary(value, dictionary, path, owner);
                break;
            case EmbeddedType embedded:
                if (ExpectKind(value, JsonValueKind.Object, type, path))
                {
                    CheckProperties(value, embedded.Schema, path, topLevel: false);
                }

                break;
            case ExtensionsType:
                CheckExtensions(value, path, owner);
                break;
            case ObservableContainerType:
                CheckObservableContainer(value, path);
                break;
            default:
                break;
        }
    }

    private bool ExpectKind(JsonElement value, JsonValueKind kind, PropertyType type, string path)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }

        WrongType(value, type, path);
        return false;
    }

    private void WrongType(JsonElement value, PropertyType type, string path) =>
        Report(StixRules.PropertyType, path, $"expected {type.Describe()}, found {Describe(value)}");

    private void CheckInteger(JsonElement value, IntegerType type, string path)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            WrongType(value, type, path);
            return;
        }

        if (!value.TryGetInt64(out var number))
        {
            // A fraction or exponent makes it a float; digits alone that overflow 64 bits are out of range.
            if (value.GetRawText().AsSpan().IndexOfAny(".eE") >= 0)
            {
                WrongType(value, type, path);
            }
            else
            {
                Report(StixRules.ValueRange, path, $"expected {type.Describe()} within ±(2^53-1), found {value.GetRawText()}");
            }

            return;
        }

        if (number > MaxInteger || number < -MaxInteger)
        {
            Report(StixRules.ValueRange, path, $"integers must be within ±(2^53-1) (section 2.10), found {number}");
        }
        else if ((type.Minimum is { } min && number < min) || (type.Maximum is { } max && number > max))
        {
            Report(StixRules.ValueRange, path, $"expected {type.Describe()}, found {number}");
        }
    }

    private void CheckFloat(JsonElement value, FloatType type, string path)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            WrongType(value, type, path);
            return;
        }

        var number = value.GetDouble();
        if ((type.Minimum is { } min && number < min) || (type.Maximum is { } max && number > max) || double.IsInfinity(number))
        {
            Report(StixRules.ValueRange, path, $"expected {type.Describe()}, found {value.GetRawText()}");
        }
    }

    private void CheckTimestamp(JsonElement value, TimestampType type, string path)
    {
        if (!ExpectKind(value, JsonValueKind.String, type, path))
        {
            return;
        }

        var text = value.GetString()!;
        if (!StixTimestamp.TryParse(text, out var timestamp))
        {
            Report(StixRules.TimestampFormat, path, $"expected an RFC 3339 UTC timestamp YYYY-MM-DDTHH:mm:ss[.s+]Z, found '{text}'");
        }
        else if (type.MillisecondPrecision && timestamp.FractionDigits < 3)
        {
            Report(StixRules.TimestampPrecision, path, $"expected at least millisecond precision (e.g. {text[..19]}.000Z), found '{text}'");
        }
    }

    private void CheckIdentifier(JsonElement value, IdentifierType type, string path)
    {
        if (!ExpectKind(value, JsonValueKind.String, type, path))
        {
            return;
        }

        var text = value.GetString()!;
        if (containerKeys is not null)
        {
            // Section 2.13: inside an observable container, references are keys of the same container.
            if (!containerKeys.Contains(text))
            {
                Report(StixRules.ReferenceType, path, $"'{text}' is not a key of this observable container; container references must resolve within it");
            }

            return;
        }

        if (!StixIdentifier.TryParse(text, out var identifier))
        {
            Report(StixRules.IdentifierFormat, path, $"expected an identifier object-type--UUID with an RFC 4122 UUID, found '{text}'");
        }
        else if (!type.Targets.Allows(identifier.Type))
        {
            Report(StixRules.ReferenceType, path, $"expected {type.Describe()}, found a reference to {identifier.Type}");
        }
    }

    private void CheckHashes(JsonElement value, string path, bool strictVocabulary)
    {
        if (!ExpectKind(value, JsonValueKind.Object, PropertyTypes.Hashes, path))
        {
            return;
        }

        var any = false;
        foreach (var hash in value.EnumerateObject())
        {
            any = true;
            var hashPath = JsonPaths.Property(path, hash.Name);
            if (!Names.IsValidHashKey(hash.Name))
            {
                Report(StixRules.HashAlgorithm, hashPath, $"'{hash.Name}' is not a valid hash algorithm name: 3 to 250 characters of a-z, A-Z, 0-9, hyphen and underscore");
            }
            else if (!Vocabularies.HashAlgorithm.Contains(hash.Name))
            {
                Report(
                    strictVocabulary ? StixRules.ExternalReferenceHash : StixRules.HashAlgorithmVocabulary,
                    hashPath,
                    $"'{hash.Name}' is not in hash-algorithm-ov ({string.Join(", ", Vocabularies.HashAlgorithm.Values.Order(StringComparer.Ordinal))})");
            }

            if (hash.Value.ValueKind != JsonValueKind.String)
            {
                Report(StixRules.PropertyType, hashPath, $"a hash value is a string, found {Describe(hash.Value)}");
            }
            else if (HashFormats.Check(hash.Name, hash.Value.GetString()!) is { } expected)
            {
                Report(StixRules.HashValue, hashPath, $"expected {expected} for {hash.Name}, found '{hash.Value.GetString()}'");
            }
        }

        if (!any)
        {
            Report(StixRules.EmptyDictionary, path, "a hashes dictionary must have at least one hash");
        }
    }

    private void CheckOpenVocabulary(JsonElement value, OpenVocabType type, string path)
    {
        if (!ExpectKind(value, JsonValueKind.String, type, path))
        {
            return;
        }

        var term = value.GetString()!;
        if (!type.Vocabulary.Contains(term))
        {
            var advice = Names.IsConventionalTerm(term) ? string.Empty : "; terms outside the vocabulary should be lowercase with hyphens";
            Report(StixRules.VocabularyValue, path, $"'{term}' is not in {type.Vocabulary.Name} (section {type.Vocabulary.Section}){advice}");
        }
    }

    private void CheckList(JsonElement value, ListType type, string path, ObjectSchema owner)
    {
        if (!ExpectKind(value, JsonValueKind.Array, type, path))
        {
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            CheckValue(item, type.Item, JsonPaths.Index(path, index++), owner);
        }

        if (index == 0)
        {
            Report(StixRules.EmptyList, path, "lists must have at least one value; omit an optional property instead");
        }
    }

    private void CheckDictionary(JsonElement value, DictionaryType type, string path, ObjectSchema owner)
    {
        if (!ExpectKind(value, JsonValueKind.Object, type, path))
        {
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in value.EnumerateObject())
        {
            var entryPath = JsonPaths.Property(path, entry.Name);
            if (!keys.Add(entry.Name))
            {
                Report(StixRules.DuplicateKey, entryPath, $"the key '{entry.Name}' appears more than once");
            }

            if (!Names.IsValidDictionaryKey(entry.Name))
            {
                Report(StixRules.DictionaryKey, entryPath, $"'{entry.Name}' is not a valid dictionary key: 1 to 250 characters of a-z, A-Z, 0-9, hyphen and underscore");
            }

            if (type.Value is { } valueType)
            {
                CheckValue(entry.Value, valueType, entryPath, owner);
            }
            else if (entry.Value.ValueKind == JsonValueKind.Null)
            {
                Report(StixRules.PropertyType, entryPath, "null is not a STIX value");
            }
        }

        if (keys.Count == 0)
        {
            Report(StixRules.EmptyDictionary, path, "dictionaries must have at least one key; omit an optional property instead");
        }
    }

    private void CheckExtensions(JsonElement value, string path, ObjectSchema owner)
    {
        if (!ExpectKind(value, JsonValueKind.Object, new ExtensionsType(), path))
        {
            return;
        }

        var any = false;
        foreach (var extension in value.EnumerateObject())
        {
            any = true;
            var name = extension.Name;
            var body = extension.Value;
            var extensionPath = JsonPaths.Property(path, name);
            if (body.ValueKind != JsonValueKind.Object)
            {
                Report(StixRules.PropertyType, extensionPath, $"an extension is a JSON object, found {Describe(body)}");
                continue;
            }

            if (!body.EnumerateObject().Any())
            {
                Report(StixRules.EmptyExtension, extensionPath, "an extension must have at least one property");
                continue;
            }

            if (name.StartsWith(ExtensionDefinitionPrefix, StringComparison.Ordinal))
            {
                CheckDefinedExtension(name, body, extensionPath);
            }
            else if (StixSchemas.FindExtension(name) is { } predefined)
            {
                if (predefined.ObjectType != owner.TypeName)
                {
                    Report(StixRules.ExtensionKey, extensionPath, $"'{name}' is an extension of {predefined.ObjectType} (section {predefined.Schema.Section}), not of {owner.TypeName}");
                }
                else
                {
                    CheckProperties(body, predefined.Schema, extensionPath, topLevel: false);
                }
            }
            else if (owner.Category == ObjectCategory.Observable && Names.IsValidCustomExtensionName(name))
            {
                var rule = options.RejectCustomContent ? StixRules.CustomExtension with { Severity = Severity.Error } : StixRules.CustomExtension;
                Report(rule, extensionPath, $"'{name}' is a custom extension; these are deprecated in favour of extension-definition property extensions");
                CheckExtensionPropertyNames(body, extensionPath);
            }
            else
            {
                Report(StixRules.ExtensionKey, extensionPath, $"'{name}' is neither a predefined extension of {owner.TypeName} nor an extension-definition identifier");
            }
        }

        if (!any)
        {
            Report(StixRules.EmptyDictionary, path, "extensions must have at least one entry; omit the property instead");
        }
    }

    private void CheckDefinedExtension(string name, JsonElement body, string path)
    {
        if (!StixIdentifier.TryParse(name, out var identifier) || identifier.Type != "extension-definition")
        {
            Report(StixRules.IdentifierFormat, path, $"expected an extension-definition identifier extension-definition--UUID, found '{name}'");
        }

        if (!body.TryGetProperty("extension_type", out var kind))
        {
            Report(StixRules.ExtensionType, JsonPaths.Property(path, "extension_type"), "an extension that uses an extension-definition must state its extension_type (section 7.3)");
        }
        else if (kind.ValueKind != JsonValueKind.String || !Vocabularies.ExtensionType.Contains(kind.GetString()!))
        {
            Report(StixRules.ExtensionType, JsonPaths.Property(path, "extension_type"), $"expected one of {string.Join(", ", Vocabularies.ExtensionType.Values.Order(StringComparer.Ordinal))}, found {Describe(kind)}");
        }
        else if (kind.GetString() == "toplevel-property-extension")
        {
            foreach (var property in body.EnumerateObject())
            {
                if (property.Name != "extension_type")
                {
                    Report(StixRules.ToplevelPropertyExtension, JsonPaths.Property(path, property.Name), "a toplevel-property-extension entry holds only extension_type; its properties belong at the top level of the object");
                }
            }
        }

        CheckExtensionPropertyNames(body, path);
    }

    private void CheckExtensionPropertyNames(JsonElement body, string path)
    {
        foreach (var property in body.EnumerateObject())
        {
            var propertyPath = JsonPaths.Property(path, property.Name);
            if (property.Name != "extension_type" && !Names.IsValidPropertyName(property.Name))
            {
                Report(StixRules.PropertyName, propertyPath, $"'{property.Name}' is not a valid extension property name: 3 to 250 characters of a-z, 0-9 and underscore, beginning with a letter");
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                Report(StixRules.PropertyType, propertyPath, "null is not a STIX value; omit the property instead");
            }
            else
            {
                CheckSuffix(property.Name, property.Value, propertyPath);
            }
        }
    }

    private void CheckObservableContainer(JsonElement value, string path)
    {
        if (!ExpectKind(value, JsonValueKind.Object, new ObservableContainerType(), path))
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
            Report(StixRules.EmptyDictionary, path, "an observable container must hold at least one object");
            return;
        }

        var outer = containerKeys;
        containerKeys = keys;
        foreach (var entry in value.EnumerateObject())
        {
            var entryPath = JsonPaths.Property(path, entry.Name);
            if (entry.Value.ValueKind != JsonValueKind.Object)
            {
                Report(StixRules.JsonObject, entryPath, $"an observable container holds cyber-observable objects, found {Describe(entry.Value)}");
                continue;
            }

            if (!entry.Value.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                Report(StixRules.RequiredProperty, JsonPaths.Property(entryPath, "type"), "every object of an observable container needs a string type");
                continue;
            }

            var schema = StixSchemas.Find(type.GetString()!);
            if (schema is not null && schema.Category == ObjectCategory.Observable)
            {
                CheckProperties(entry.Value, CustomSchemas.ContainerVariant(schema), entryPath, topLevel: false);
            }
            else if (schema is null && !Names.IsValidTypeName(type.GetString()!))
            {
                Report(StixRules.TypeName, JsonPaths.Property(entryPath, "type"), $"'{type.GetString()}' is not a valid type name");
            }
        }

        containerKeys = outer;
    }

    private void CheckIdentity(JsonElement element, ObjectSchema schema, string type, string path)
    {
        if (!element.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var idPath = JsonPaths.Property(path, "id");
        var id = idElement.GetString()!;
        if (!StixIdentifier.TryParse(id, out var identifier))
        {
            Report(StixRules.IdentifierFormat, idPath, $"expected {type}--UUID with an RFC 4122 UUID, found '{id}'");
            return;
        }

        if (identifier.Type != type)
        {
            Report(StixRules.IdentifierType, idPath, $"the id's type part '{identifier.Type}' must equal the object's type '{type}'");
            return;
        }

        if (schema.Category == ObjectCategory.Observable && schema.IdContributingProperties.Count > 0)
        {
            var expected = DeterministicId.Compute(element, type, schema.IdContributingProperties);
            if (expected is null)
            {
                if (identifier.UuidVersion != 4)
                {
                    Report(StixRules.DeterministicIdVersion, idPath, $"none of the ID contributing properties ({string.Join(", ", schema.IdContributingProperties)}) is present, so the id must use a UUIDv4, found version {identifier.UuidVersion}");
                }
            }
            else if (!string.Equals(expected, id, StringComparison.OrdinalIgnoreCase))
            {
                Report(StixRules.DeterministicId, idPath, $"the deterministic id from {string.Join(", ", schema.IdContributingProperties)} is {expected}, found {id}");
            }
        }
        else if (schema.Category != ObjectCategory.Observable && identifier.UuidVersion != 4)
        {
            Report(StixRules.IdentifierVersion, idPath, $"{type} ids should use UUIDv4, found version {identifier.UuidVersion}");
        }
    }

    private void CheckVersioning(JsonElement element, string path)
    {
        if (element.TryGetProperty("spec_version", out var version) && version.ValueKind == JsonValueKind.String && version.GetString() != "2.1")
        {
            Report(StixRules.SpecVersion, JsonPaths.Property(path, "spec_version"), $"expected \"2.1\", found \"{version.GetString()}\"");
        }

        if (TryTimestamp(element, "created", out var created) && TryTimestamp(element, "modified", out var modified) && modified < created)
        {
            Report(StixRules.ModifiedBeforeCreated, JsonPaths.Property(path, "modified"), $"modified ({modified}) must be later than or equal to created ({created})");
        }
    }

    private void CheckGranularMarkings(JsonElement element, string path)
    {
        if (!element.TryGetProperty("granular_markings", out var markings) || markings.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var index = 0;
        foreach (var marking in markings.EnumerateArray())
        {
            var markingPath = JsonPaths.Index(JsonPaths.Property(path, "granular_markings"), index++);
            if (marking.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (marking.TryGetProperty("marking_ref", out _) == marking.TryGetProperty("lang", out _))
            {
                Report(StixRules.GranularMarkingRef, markingPath, "a granular marking must have exactly one of marking_ref and lang");
            }

            if (!marking.TryGetProperty("selectors", out var selectors) || selectors.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var selectorIndex = 0;
            foreach (var selector in selectors.EnumerateArray())
            {
                var selectorPath = JsonPaths.Index(JsonPaths.Property(markingPath, "selectors"), selectorIndex++);
                if (selector.ValueKind == JsonValueKind.String && !GranularSelectors.Resolves(element, selector.GetString()!))
                {
                    Report(StixRules.GranularMarkingSelector, selectorPath, $"the selector '{selector.GetString()}' does not refer to anything in this object");
                }
            }
        }
    }

    private static bool TryTimestamp(JsonElement element, string name, out StixTimestamp timestamp)
    {
        timestamp = default;
        return element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && StixTimestamp.TryParse(value.GetString(), out timestamp);
    }

    private void Report(StixRule rule, string path, string message) => sink.Add(new Finding(rule, objectId, path, message));

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

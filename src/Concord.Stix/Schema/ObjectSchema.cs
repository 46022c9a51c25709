// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Frozen;
using Concord.Stix.Validation;

namespace Concord.Stix.Schema;

/// <summary>
/// The property table of one STIX object type, embedded type or extension, with the declarative
/// constraints that the specification states around it, and a hook for the rules that need code.
/// </summary>
/// <remarks>
/// Built once through <see cref="Builder"/>; immutable and thread-safe afterwards. The validator
/// interprets schemas generically, so adding a type is a matter of describing it.
/// </remarks>
public sealed class ObjectSchema
{
    private ObjectSchema(Builder builder)
    {
        TypeName = builder.TypeName;
        Category = builder.Category;
        Section = builder.Section;
        Properties = builder.Properties.ToFrozenDictionary(StringComparer.Ordinal);
        RequiredProperties = [.. builder.Properties.Values.Where(p => p.Required).Select(p => p.Name)];
        AtLeastOneOf = [.. builder.AtLeastOneOfGroups];
        MutuallyExclusive = [.. builder.ExclusiveGroups];
        Dependencies = [.. builder.DependencyPairs];
        IdContributingProperties = [.. builder.IdContributing];
        Rules = [.. builder.CustomRules];
        AllowsCustomProperties = builder.CustomPropertiesAllowed;

        // The validator tracks which properties it has seen in a 64-bit mask, indexed by table position.
        Ordered = [.. builder.Properties.Values];
        if (Ordered.Length > 64)
        {
            throw new InvalidOperationException($"The schema of {TypeName} has {Ordered.Length} properties; the validator supports at most 64 per table.");
        }

        var indexes = Ordered.Select((p, i) => KeyValuePair.Create(p.Name, i)).ToFrozenDictionary(StringComparer.Ordinal);
        IndexLookup = indexes.GetAlternateLookup<ReadOnlySpan<char>>();
        Utf8Names = new Utf8NameTable([.. Ordered.Select(p => p.Name)]);
        EncodingIndexes = [.. Ordered.Select((p, i) => (p.Name, i)).Where(p => p.Name.EndsWith("_enc", StringComparison.Ordinal)).Select(p => p.i)];
        RequiredMask = MaskOf(indexes, RequiredProperties);
        AtLeastOneOfMasks = [.. AtLeastOneOf.Select(g => MaskOf(indexes, g))];
        ExclusiveMasks = [.. MutuallyExclusive.Select(g => MaskOf(indexes, g))];
        DependencyIndexes = [.. Dependencies.Select(d => (Index(indexes, d.Property), Index(indexes, d.Requires)))];
        CommonIndexes = new(indexes.GetValueOrDefault("created", -1), indexes.GetValueOrDefault("modified", -1), indexes.GetValueOrDefault("spec_version", -1),
            indexes.GetValueOrDefault("granular_markings", -1), indexes.GetValueOrDefault("extensions", -1));
    }

    /// <summary>Where the common properties the validator checks across properties sit in <see cref="Ordered"/> (-1 when absent).</summary>
    internal CommonPropertyIndexes CommonIndexes { get; }

    /// <summary>The properties in table order; a property's position is its bit in the validator's masks.</summary>
    internal PropertySpec[] Ordered { get; }

    /// <summary>Finds a property's position by a name given as characters, without allocating.</summary>
    internal FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> IndexLookup { get; }

    /// <summary>Finds a property's position by its raw UTF-8 name.</summary>
    internal Utf8NameTable Utf8Names { get; }

    /// <summary>Positions of the properties whose names end in <c>_enc</c> (section 3.1).</summary>
    internal int[] EncodingIndexes { get; }

    internal ulong RequiredMask { get; }

    internal ulong[] AtLeastOneOfMasks { get; }

    internal ulong[] ExclusiveMasks { get; }

    internal (int Property, int Requires)[] DependencyIndexes { get; }

    /// <summary>The type name (the <c>type</c> value, or the name of an embedded type such as <c>kill-chain-phase</c>).</summary>
    public string TypeName { get; }

    /// <summary>The kind of object.</summary>
    public ObjectCategory Category { get; }

    /// <summary>The specification section that defines the type, e.g. <c>4.7</c>.</summary>
    public string Section { get; }

    /// <summary>Every defined property, including the common properties of the category.</summary>
    public FrozenDictionary<string, PropertySpec> Properties { get; }

    /// <summary>The names of the required properties.</summary>
    public IReadOnlyList<string> RequiredProperties { get; }

    /// <summary>Groups of which at least one property MUST be present.</summary>
    public IReadOnlyList<string[]> AtLeastOneOf { get; }

    /// <summary>Groups of which at most one property MAY be present.</summary>
    public IReadOnlyList<string[]> MutuallyExclusive { get; }

    /// <summary>Pairs (property, required companion): when the first is present, the second MUST be.</summary>
    public IReadOnlyList<(string Property, string Requires)> Dependencies { get; }

    /// <summary>The SCO's ID Contributing Properties (section 3.4), in the specification's order.</summary>
    public IReadOnlyList<string> IdContributingProperties { get; }

    /// <summary>Type-specific rules that need code (e.g. <c>valid_until</c> after <c>valid_from</c>).</summary>
    public IReadOnlyList<Action<ObjectRuleContext>> Rules { get; }

    /// <summary>Whether properties outside the table are accepted as custom properties (section 11.1) — false for closed embedded types.</summary>
    public bool AllowsCustomProperties { get; }

    /// <summary>Looks up a property.</summary>
    /// <param name="name">The JSON property name.</param>
    /// <param name="spec">The property, when defined.</param>
    public bool TryGetProperty(string name, out PropertySpec spec) => Properties.TryGetValue(name, out spec!);

    /// <summary>Starts a schema for a top-level object type; the category's common properties (section 3.2) are added.</summary>
    /// <param name="typeName">The type name.</param>
    /// <param name="category">The kind of object.</param>
    /// <param name="section">The defining specification section.</param>
    public static Builder For(string typeName, ObjectCategory category, string section) => new(typeName, category, section);

    /// <summary>Starts a schema for an embedded type or an extension body (no common properties).</summary>
    /// <param name="typeName">The name of the embedded type or extension, e.g. <c>archive-ext</c>.</param>
    /// <param name="section">The defining specification section.</param>
    public static Builder Embedded(string typeName, string section) => new(typeName, ObjectCategory.Embedded, section);

    private int Index(FrozenDictionary<string, int> indexes, string name) =>
        indexes.TryGetValue(name, out var index) ? index : throw new InvalidOperationException($"The schema of {TypeName} names '{name}' in a constraint but does not define it.");

    private ulong MaskOf(FrozenDictionary<string, int> indexes, IEnumerable<string> names)
    {
        var mask = 0UL;
        foreach (var name in names)
        {
            mask |= 1UL << Index(indexes, name);
        }

        return mask;
    }

    /// <summary>Starts a new schema from this one, e.g. to relax a requirement.</summary>
    internal Builder Derive()
    {
        var builder = new Builder(TypeName, ObjectCategory.Embedded, Section);
        foreach (var property in Properties.Values)
        {
            builder.Properties[property.Name] = property;
        }

        builder.AtLeastOneOfGroups.AddRange(AtLeastOneOf);
        builder.ExclusiveGroups.AddRange(MutuallyExclusive);
        builder.DependencyPairs.AddRange(Dependencies);
        builder.CustomRules.AddRange(Rules);
        builder.CustomPropertiesAllowed = AllowsCustomProperties;
        return builder;
    }

    /// <summary>Describes an <see cref="ObjectSchema"/>; not thread-safe.</summary>
    public sealed class Builder
    {
        internal Builder(string typeName, ObjectCategory category, string section)
        {
            TypeName = typeName;
            Category = category;
            Section = section;
            CommonProperties.AddTo(this, category);
        }

        internal string TypeName { get; }

        internal ObjectCategory Category { get; }

        internal string Section { get; }

        internal Dictionary<string, PropertySpec> Properties { get; } = new(StringComparer.Ordinal);

        internal List<string[]> AtLeastOneOfGroups { get; } = [];

        internal List<string[]> ExclusiveGroups { get; } = [];

        internal List<(string, string)> DependencyPairs { get; } = [];

        internal List<string> IdContributing { get; } = [];

        internal List<Action<ObjectRuleContext>> CustomRules { get; } = [];

        internal bool CustomPropertiesAllowed { get; set; } = true;

        /// <summary>Adds (or replaces) a required property.</summary>
        /// <param name="name">The JSON name.</param>
        /// <param name="type">The data type.</param>
        public Builder Required(string name, PropertyType type)
        {
            Properties[name] = new PropertySpec(name, type, Required: true);
            return this;
        }

        /// <summary>Adds (or replaces) an optional property.</summary>
        /// <param name="name">The JSON name.</param>
        /// <param name="type">The data type.</param>
        public Builder Optional(string name, PropertyType type)
        {
            Properties[name] = new PropertySpec(name, type, Required: false);
            return this;
        }

        /// <summary>Adds an optional, deprecated property (its use is reported as a warning).</summary>
        /// <param name="name">The JSON name.</param>
        /// <param name="type">The data type.</param>
        public Builder Deprecated(string name, PropertyType type)
        {
            Properties[name] = new PropertySpec(name, type, Required: false, Deprecated: true);
            return this;
        }

        /// <summary>Removes a common property that this type does not use.</summary>
        /// <param name="name">The JSON name.</param>
        public Builder Without(string name)
        {
            Properties.Remove(name);
            return this;
        }

        /// <summary>At least one of the properties MUST be present.</summary>
        /// <param name="names">The group.</param>
        public Builder AtLeastOneOf(params string[] names)
        {
            AtLeastOneOfGroups.Add(names);
            return this;
        }

        /// <summary>At most one of the properties MAY be present.</summary>
        /// <param name="names">The group.</param>
        public Builder MutuallyExclusive(params string[] names)
        {
            ExclusiveGroups.Add(names);
            return this;
        }

        /// <summary>When <paramref name="property"/> is present, <paramref name="requires"/> MUST be too.</summary>
        /// <param name="property">The dependent property.</param>
        /// <param name="requires">The property it needs.</param>
        public Builder Requires(string property, string requires)
        {
            DependencyPairs.Add((property, requires));
            return this;
        }

        /// <summary>Declares the SCO's ID Contributing Properties (section 3.4).</summary>
        /// <param name="names">The properties, in the specification's order.</param>
        public Builder IdContributingProperties(params string[] names)
        {
            IdContributing.AddRange(names);
            return this;
        }

        /// <summary>Adds a rule that needs code.</summary>
        /// <param name="rule">The rule; it reports through the context.</param>
        public Builder Rule(Action<ObjectRuleContext> rule)
        {
            CustomRules.Add(rule);
            return this;
        }

        /// <summary>Properties outside the table are errors (for embedded types whose table is closed).</summary>
        public Builder Closed()
        {
            CustomPropertiesAllowed = false;
            return this;
        }

        /// <summary>Finishes the schema.</summary>
        public ObjectSchema Build() => new(this);
    }
}

/// <summary>Positions of common properties in a schema's table, so that the validator picks them up while enumerating.</summary>
internal readonly record struct CommonPropertyIndexes(int Created, int Modified, int SpecVersion, int GranularMarkings, int Extensions);

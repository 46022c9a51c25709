// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Reflection;
using System.Text.Json;
using Concord.Stix.Model;

namespace Concord.Stix.Tests.Model;

/// <summary>Conventions every view of the model keeps.</summary>
public sealed class ModelConventionTests
{
    private static readonly Type[] Views = typeof(StixElement).Assembly.GetTypes()
        .Where(t => typeof(StixElement).IsAssignableFrom(t))
        .ToArray();

    [Fact]
    public void Every_STIX_object_view_is_sealed_or_abstract()
    {
        var open = Views.Where(t => typeof(StixObject).IsAssignableFrom(t) && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName);

        Assert.Empty(open);
    }

    [Fact]
    public void Every_view_is_sealed_or_abstract_and_has_no_public_setters()
    {
        Assert.Empty(Views.Where(t => !t.IsSealed && !t.IsAbstract).Select(t => t.FullName));
        var setters = Views
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(p => p.SetMethod?.IsPublic == true)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");
        Assert.Empty(setters);
    }

    [Fact]
    public void Every_view_has_no_public_fields_other_than_constants()
    {
        var fields = Views.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(f => !f.IsLiteral)
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}");

        Assert.Empty(fields);
    }

    [Fact]
    public void Every_concrete_object_view_is_what_the_factory_makes_for_its_type_name()
    {
        var concrete = Views.Where(t => typeof(StixObject).IsAssignableFrom(t) && !t.IsAbstract && t != typeof(CustomObject)).ToList();

        Assert.Equal(42, concrete.Count);
        foreach (var type in concrete)
        {
            var name = (string)type.GetField("TypeName", BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;
            using var document = JsonDocument.Parse($$"""{"type":"{{name}}"}""");
            Assert.IsType(type, StixObject.FromJson(document.RootElement));
        }
    }

    [Fact]
    public void Views_live_in_the_namespace_of_their_folder()
    {
        var allowed = new[] { "Concord.Stix.Model", "Concord.Stix.Model.Domain", "Concord.Stix.Model.Relationships", "Concord.Stix.Model.Observables", "Concord.Stix.Model.Extensions", "Concord.Stix.Model.Meta" };

        Assert.Empty(Views.Where(t => !allowed.Contains(t.Namespace)).Select(t => t.FullName));
    }
}

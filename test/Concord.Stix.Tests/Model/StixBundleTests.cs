// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Model;
using Concord.Stix.Model.Domain;

namespace Concord.Stix.Tests.Model;

public sealed class StixBundleTests
{
    [Fact]
    public void A_parsed_bundle_exposes_its_id_and_typed_objects_in_order()
    {
        var bundle = StixBundle.Parse("""
            {"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[
              {"type":"campaign","id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","name":"Green Group Attacks"},
              "not an object",
              {"type":"x-custom","id":"x-custom--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"}]}
            """);

        Assert.Equal("bundle", bundle.Type);
        Assert.Equal("bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", bundle.Id);
        Assert.Collection(
            bundle.Objects,
            o => Assert.Equal("Green Group Attacks", Assert.IsType<Campaign>(o).Name),
            o => Assert.IsType<CustomObject>(o));
        Assert.Same(bundle.Objects, bundle.Objects);
    }

    [Fact]
    public void A_bundle_without_objects_has_an_empty_list()
    {
        Assert.Empty(StixBundle.Parse("""{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d"}""").Objects);
    }

    [Fact]
    public void Text_that_is_not_a_JSON_object_is_refused()
    {
        Assert.Throws<ArgumentException>(() => StixBundle.Parse("[]"));
        Assert.ThrowsAny<JsonException>(() => StixBundle.Parse("{"));
    }
}

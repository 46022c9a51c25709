// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using System.Text.Json;
using Concord.Stix.Json;
using Concord.Testing;

namespace Concord.Stix.Tests.Json;

public sealed class StixStreamReaderTests
{
    private const string Bundle = """
        {"type": "bundle", "id": "bundle--cf20f99b-3ed2-4a9f-b4f1-d660a7fc8241", "objects": [
          {"type": "ipv4-addr", "id": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "value": "198.51.100.3"},
          {"type": "domain-name", "id": "domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5", "value": "example.com"}
        ]}
        """;

    [Fact]
    public void A_bundle_yields_each_object_with_its_path_and_keeps_the_other_properties_as_header()
    {
        var (objects, reader) = ReadAll(Bundle);
        Assert.Equal(["$.objects[0]", "$.objects[1]"], objects.Select(o => o.Path));
        Assert.Equal("ipv4-addr", objects[0].Json.GetProperty("type").GetString());
        Assert.True(reader.IsBundle);
        Assert.Equal("bundle--cf20f99b-3ed2-4a9f-b4f1-d660a7fc8241", reader.Header!.Value.GetProperty("id").GetString());
        Assert.False(reader.Header!.Value.TryGetProperty("objects", out _));
    }

    [Fact]
    public void An_array_yields_each_item_with_its_index_path()
    {
        var (objects, _) = ReadAll("""[{"type": "a"}, {"type": "b"}, {"type": "c"}]""");
        Assert.Equal(["$[0]", "$[1]", "$[2]"], objects.Select(o => o.Path));
    }

    [Fact]
    public void A_single_object_is_read_whole_as_the_header()
    {
        var (objects, reader) = ReadAll("""{"type": "identity", "name": "x", "objects": [1, 2]}""");
        Assert.Empty(objects);
        Assert.False(reader.IsBundle);
        Assert.Equal(2, reader.Header!.Value.GetProperty("objects").GetArrayLength());
    }

    [Fact]
    public void A_stream_that_delivers_one_byte_at_a_time_gives_the_same_objects()
    {
        var whole = ReadAll(Bundle).Objects.Select(o => o.Json.GetRawText()).ToList();
        using var reader = new StixStreamReader(new TrickleStream(Encoding.UTF8.GetBytes(Bundle)), "trickle");
        var trickled = reader.ReadObjects().Select(o => { using (o.Document) { return o.Document.RootElement.GetRawText(); } }).ToList();
        Assert.Equal(whole, trickled);
    }

    [Fact]
    public void An_object_larger_than_the_buffer_is_read_intact()
    {
        var large = new string('a', 1_000_000);
        var (objects, _) = ReadAll($$"""{"type": "bundle", "id": "bundle--cf20f99b-3ed2-4a9f-b4f1-d660a7fc8241", "objects": [{"type": "note", "content": "{{large}}"}]}""");
        Assert.Equal(large, Assert.Single(objects).Json.GetProperty("content").GetString());
    }

    [Theory]
    [InlineData("""{"type": "bundle", "id": "bundle--cf20f99b-3ed2-4a9f-b4f1-d660a7fc8241", "objects": [{"type": "a"}""", 1)]
    [InlineData("{\"type\": \"bundle\",\n \"objects\": [\n {\"type\": tru}]}", 3)]
    [InlineData("", 1)]
    [InlineData("{\"type\": \"bundle\"} {}", 1)]
    [InlineData("\"just a string\"", 1)]
    public void Malformed_input_raises_an_error_with_its_line(string json, int line)
    {
        var error = Assert.Throws<StixFormatException>(() => ReadAll(json));
        Assert.Equal(line, error.Line);
        Assert.True(error.Column >= 1);
        Assert.StartsWith("test.json:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_a_located_error()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"type\": \"bundle\",\n \"objects\": [{\"type\": \"note\", \"content\": \"ab\"}]}");
        var at = Encoding.UTF8.GetString(bytes).IndexOf("ab\"", StringComparison.Ordinal) + 1;
        bytes[at] = 0xC3;
        var reader = new StixStreamReader(new MemoryStream(bytes), "test.json");
        var error = Assert.Throws<StixFormatException>(() => reader.ReadObjects().ToList());
        Assert.Equal(2, error.Line);
        Assert.Contains("UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_nesting_a_hundred_thousand_deep_is_a_located_error_not_a_crash()
    {
        var json = "{\"type\": \"bundle\", \"objects\": [" + new string('[', 100_000) + new string(']', 100_000) + "]}";
        var error = Assert.Throws<StixFormatException>(() => ReadAll(json));
        Assert.Contains("nesting deeper than 64", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Memory_stays_bounded_by_the_largest_object_on_a_hundred_megabyte_bundle()
    {
        using var generated = new GeneratedBundleStream(targetBytes: 100L * 1024 * 1024);
        using var reader = new StixStreamReader(generated, "generated");
        var count = 0;
        foreach (var (document, _) in reader.ReadObjects())
        {
            document.Dispose();
            count++;
        }

        Assert.Equal(generated.ObjectsWritten, count);
        Assert.True(reader.BufferCapacity <= 256 * 1024, $"the read buffer grew to {reader.BufferCapacity} bytes");
    }

    private static (List<(JsonElement Json, string Path)> Objects, StixStreamReader Reader) ReadAll(string json)
    {
        var reader = new StixStreamReader(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");
        var objects = new List<(JsonElement, string)>();
        foreach (var (document, path) in reader.ReadObjects())
        {
            objects.Add((document.RootElement.Clone(), path));
            document.Dispose();
        }

        return (objects, reader);
    }

    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));
    }
}

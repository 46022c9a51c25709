// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Concord.Detection;

namespace Concord.Cli.Commands.Detect;

/// <summary>Where <c>concord detect</c> writes its matches.</summary>
internal interface IMatchWriter
{
    /// <summary>How many objects or lines were written.</summary>
    long Written { get; }

    void Write(DetectionMatch match);

    /// <summary>Lets the writer close what no match can change any more.</summary>
    void Advance(DateTimeOffset? watermark);

    void Finish();
}

/// <summary>One match per line: <c>{"indicator", "first_seen", "last_seen", "bindings": [{"expression", "observed_data_ref", "instance", "object"}]}</c>.</summary>
internal sealed class JsonlMatchWriter(TextWriter output) : IMatchWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> buffer = new();

    public long Written { get; private set; }

    public void Write(DetectionMatch match)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("indicator", match.IndicatorId);
            writer.WriteString("first_seen", match.FirstSeen.Text);
            writer.WriteString("last_seen", match.LastSeen.Text);
            writer.WriteStartArray("bindings");
            foreach (var binding in match.Bindings)
            {
                writer.WriteStartObject();
                writer.WriteString("expression", binding.Expression);
                writer.WriteString("observed_data_ref", binding.ObservedDataId);
                writer.WriteNumber("instance", binding.Instance);
                writer.WritePropertyName("object");
                binding.MatchedObject.WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        Written++;
    }

    /// <summary>Lines are written as matches come: nothing waits for the watermark.</summary>
    public void Advance(DateTimeOffset? watermark)
    {
    }

    /// <summary>Lines are written as matches come: nothing is left at the end.</summary>
    public void Finish()
    {
    }
}

/// <summary>A STIX bundle of sightings, written as buckets close so that memory stays bounded; each is also added to <paramref name="kept"/> when given (to be stored).</summary>
internal sealed class SightingWriter(TextWriter output, string identity, TimeSpan bucket, ICollection<string>? kept = null) : IMatchWriter
{
    private readonly SightingAggregator aggregator = new(identity, bucket);
    private bool started;

    public long Written { get; private set; }

    public void Write(DetectionMatch match) => aggregator.Add(match);

    public void Advance(DateTimeOffset? watermark)
    {
        if (watermark is { } w)
        {
            WriteAll(aggregator.Close(w));
        }
    }

    public void Finish()
    {
        WriteAll(aggregator.CloseAll());
        Start();
        output.WriteLine();
        output.WriteLine("]}");
    }

    private void Start()
    {
        if (!started)
        {
            started = true;
            output.Write($"{{\"type\": \"bundle\", \"id\": \"bundle--{Guid.NewGuid()}\", \"objects\": [");
        }
    }

    private void WriteAll(IReadOnlyList<Concord.Stix.Model.StixObject> sightings)
    {
        foreach (var sighting in sightings)
        {
            Start();
            output.Write(Written == 0 ? "\n" : ",\n");
            var json = sighting.Json.GetRawText();
            output.Write(json);
            kept?.Add(json);
            Written++;
        }
    }
}

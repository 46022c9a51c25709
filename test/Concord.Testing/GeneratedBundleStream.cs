// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;

namespace Concord.Testing;

/// <summary>
/// A read-only stream that produces a large, valid STIX bundle on the fly (indicators and SCOs),
/// so that tests can read hundreds of megabytes without holding them anywhere.
/// </summary>
public sealed class GeneratedBundleStream(long targetBytes) : Stream
{
    private readonly Queue<byte> pending = new(Encoding.UTF8.GetBytes("{\"type\": \"bundle\", \"id\": \"bundle--cf20f99b-3ed2-4a9f-b4f1-d660a7fc8241\", \"objects\": ["));
    private long produced;
    private bool closed;

    public int ObjectsWritten { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => produced; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (pending.Count < count && !closed)
        {
            Enqueue(NextChunk());
        }

        var n = Math.Min(count, pending.Count);
        for (var i = 0; i < n; i++)
        {
            buffer[offset + i] = pending.Dequeue();
        }

        produced += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private string NextChunk()
    {
        if (produced + pending.Count >= targetBytes)
        {
            closed = true;
            return "]}";
        }

        var n = ObjectsWritten++;
        var separator = n == 0 ? string.Empty : ",";
        var uuid = new Guid(n, 0x1234, 0x4567, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67);
        return separator + $$"""
            {"type": "indicator", "spec_version": "2.1", "id": "indicator--{{uuid}}", "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "name": "generated {{n}}", "description": "A generated indicator used to test bounded memory on large bundles.", "indicator_types": ["malicious-activity"], "pattern": "[ipv4-addr:value = '198.51.{{n % 256}}.{{n / 256 % 256}}']", "pattern_type": "stix", "valid_from": "2024-01-01T00:00:00Z"}
            """;
    }

    private void Enqueue(string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            pending.Enqueue(b);
        }
    }
}

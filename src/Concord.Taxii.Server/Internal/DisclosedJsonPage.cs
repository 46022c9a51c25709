// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using Concord.Sharing.Policy;
using Concord.Storage;
using Concord.Storage.Objects;

namespace Concord.Taxii.Server.Internal;

/// <summary>
/// A page of GET objects (TAXII 2.1 section 5.4) as the policy decided it: the store's batches it was read from, and which of
/// their rows the caller receives, each as stored or redacted. <see cref="Assemble"/> turns the decisions into the bytes to
/// send, as slices of the stored JSON (a run of rows sent as stored is one slice) and masked copies of the redacted versions,
/// so that a page is not copied out of the store's buffers and the masking can run while the audit log writes the page's
/// disclosure.
/// </summary>
/// <remarks>
/// Filled by one request (<see cref="Keep"/>, <see cref="Select"/>), assembled once, written, then disposed, which returns the
/// batches' pooled buffers. <c>more</c>, <c>next</c> and the date-added bounds describe the selected versions only. Not
/// thread-safe.
/// </remarks>
internal sealed class DisclosedJsonPage : IDisposable, IEnvelopeContent
{
    private const int Copied = -1;

    private readonly List<ObjectJsonPage> batches = [];
    private readonly List<Selection> selected = [];
    private readonly List<Segment> segments = [];
    private PooledBufferWriter? masked;
    private PooledBufferWriter? copied;
    private int lastBatchSelections;
    private int redactedBytes;

    /// <inheritdoc />
    public int Count => selected.Count;

    /// <inheritdoc />
    public bool More { get; set; }

    /// <inheritdoc />
    public DateAdded? DateAddedFirst { get; private set; }

    /// <inheritdoc />
    public DateAdded? DateAddedLast { get; private set; }

    /// <summary>Takes a batch read from the store; <see cref="Select"/> refers to its rows until <see cref="Settle"/>.</summary>
    /// <param name="batch">The batch, owned by this page from now on.</param>
    public void Keep(ObjectJsonPage batch)
    {
        batches.Add(batch);
        lastBatchSelections = selected.Count;
        selected.EnsureCapacity(selected.Count + batch.Count);
    }

    /// <summary>Selects a row of the last batch taken, as stored or, when <paramref name="decision"/> redacts, redacted.</summary>
    /// <param name="row">Its index in the batch's <see cref="ObjectJsonPage.Rows"/>.</param>
    /// <param name="decision">The policy's decision on it.</param>
    public void Select(int row, PolicyDecision decision)
    {
        var batch = batches.Count - 1;
        var dateAdded = batches[batch].Rows[row].DateAdded;
        DateAddedFirst ??= dateAdded;
        DateAddedLast = dateAdded;
        var redacts = decision.Outcome == PolicyOutcome.Redact;
        if (redacts)
        {
            redactedBytes += batches[batch].Json(batches[batch].Rows[row]).Length;
        }

        selected.Add(new Selection(batch, row, redacts ? decision : null));
    }

    /// <summary>
    /// Done with the last batch taken. Only the first batch of a page stays whole (most pages are read in one batch); the
    /// selected rows of a later one are copied out and its buffer returned, so that a caller who may see few of the
    /// versions read cannot make a page hold many batches.
    /// </summary>
    public void Settle()
    {
        var last = batches.Count - 1;
        if (last == 0 && lastBatchSelections < selected.Count)
        {
            return;
        }

        var batch = batches[last];
        var rows = batch.Rows;
        if (lastBatchSelections < selected.Count)
        {
            var bytes = 0;
            for (var i = lastBatchSelections; i < selected.Count; i++)
            {
                bytes += batch.Json(rows[selected[i].Row]).Length;
            }

            copied ??= new PooledBufferWriter(bytes);
            for (var i = lastBatchSelections; i < selected.Count; i++)
            {
                var json = batch.Json(rows[selected[i].Row]).Span;
                selected[i] = selected[i] with { Batch = Copied, Row = copied.WrittenCount, Length = json.Length };
                copied.Write(json);
            }
        }

        batch.Dispose();
        batches.RemoveAt(last);
    }

    /// <summary>Builds the bytes to send from the selected rows: runs of rows sent as stored as one slice each, redacted rows masked.</summary>
    public void Assemble()
    {
        for (var i = 0; i < selected.Count; i++)
        {
            var (batch, row, redaction, length) = selected[i];
            if (batch == Copied)
            {
                segments.Add(redaction is null ? Segment.InCopied(row, length) : Redacted(copied!.WrittenSpan.Slice(row, length), redaction));
                continue;
            }

            var rows = batches[batch].Rows;
            if (redaction is not null)
            {
                segments.Add(Redacted(batches[batch].Json(rows[row]).Span, redaction));
                continue;
            }

            var last = row;
            while (i + 1 < selected.Count && selected[i + 1] is { Redaction: null } next && next.Batch == batch && next.Row == last + 1)
            {
                last++;
                i++;
            }

            segments.Add(new Segment(batches[batch].JsonRange(rows[row], rows[last])));
        }
    }

    /// <inheritdoc />
    public int ContentLength
    {
        get
        {
            var length = Math.Max(segments.Count - 1, 0);
            foreach (var segment in segments)
            {
                length += segment.Length;
            }

            return length;
        }
    }

    /// <inheritdoc />
    public void WriteContent(IBufferWriter<byte> output)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }

            output.Write(segments[i].Span(masked, copied));
        }
    }

    /// <summary>Returns the batches' buffers to the pool.</summary>
    public void Dispose()
    {
        foreach (var batch in batches)
        {
            batch.Dispose();
        }

        batches.Clear();
        masked?.Dispose();
        copied?.Dispose();
    }

    /// <summary>The JSON to send for a redacted version: masked in place when only strings are masked (most personal data).</summary>
    private Segment Redacted(ReadOnlySpan<byte> json, PolicyDecision decision)
    {
        masked ??= new PooledBufferWriter(redactedBytes + 1024);
        var start = masked.WrittenCount;
        return Redactor.TryMask(json, decision.Redactions, masked)
            ? Segment.InMasked(start, masked.WrittenCount - start)
            : new Segment(Redactor.Apply(json.ToArray(), decision.Redactions));
    }

    /// <summary>A selected row: of a batch kept whole, or (<see cref="Copied"/>) at <c>Row</c> in the copied rows' buffer.</summary>
    private readonly record struct Selection(int Batch, int Row, PolicyDecision? Redaction, int Length = 0);

    /// <summary>
    /// Bytes to send: a slice of stored or redacted JSON, or a range of the masked or copied versions' buffers, which may still
    /// move as they grow while the page is assembled and are therefore sliced only when written.
    /// </summary>
    private readonly record struct Segment(ReadOnlyMemory<byte> Bytes, Source From = Source.Bytes, int Start = 0, int Count = 0)
    {
        public int Length => From == Source.Bytes ? Bytes.Length : Count;

        public static Segment InMasked(int start, int length) => new(default, Source.Masked, start, length);

        public static Segment InCopied(int start, int length) => new(default, Source.Copied, start, length);

        public ReadOnlySpan<byte> Span(PooledBufferWriter? masked, PooledBufferWriter? copied) => From switch
        {
            Source.Masked => masked!.WrittenSpan.Slice(Start, Count),
            Source.Copied => copied!.WrittenSpan.Slice(Start, Count),
            _ => Bytes.Span,
        };
    }

    private enum Source
    {
        Bytes,
        Masked,
        Copied,
    }
}

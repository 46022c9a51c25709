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
    private readonly List<ObjectJsonPage> batches = [];
    private readonly List<Selection> selected = [];
    private readonly List<Segment> segments = [];
    private PooledBufferWriter? masked;
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
    /// <param name="index">Its index in the batch's <see cref="ObjectJsonPage.Rows"/>.</param>
    /// <param name="row">The row itself.</param>
    /// <param name="decision">The policy's decision on it.</param>
    public void Select(int index, in ObjectJsonRow row, PolicyDecision decision)
    {
        DateAddedFirst ??= row.DateAdded;
        DateAddedLast = row.DateAdded;
        var redacts = decision.Outcome == PolicyOutcome.Redact;
        if (redacts)
        {
            redactedBytes += batches[^1].Json(row).Length;
        }

        selected.Add(new Selection(batches.Count - 1, index, redacts ? decision : null));
    }

    /// <summary>
    /// Done with the last batch taken. A batch none of whose rows were selected is returned at once. Only the first batch
    /// with selected rows stays whole (most pages are read in one batch); a later one is replaced by a copy of its selected
    /// rows, so that a caller who may see few of the versions read cannot make a page hold many batches.
    /// </summary>
    public void Settle()
    {
        var last = batches.Count - 1;
        var batch = batches[last];
        if (lastBatchSelections == selected.Count)
        {
            batch.Dispose();
            batches.RemoveAt(last);
            return;
        }

        if (last == 0)
        {
            return;
        }

        var rows = batch.Rows;
        var bytes = 0;
        for (var i = lastBatchSelections; i < selected.Count; i++)
        {
            bytes += batch.Json(rows[selected[i].Row]).Length + 1;
        }

        var copy = new ObjectJsonPage(bytes);
        for (var i = lastBatchSelections; i < selected.Count; i++)
        {
            ref readonly var row = ref rows[selected[i].Row];
            copy.AddRow(row.DateAdded, batch.Json(row).Span, batch.Id(row), batch.Type(row), batch.Version(row), row.IsFirst, row.IsLast);
            selected[i] = selected[i] with { Row = i - lastBatchSelections };
        }

        batch.Dispose();
        batches[last] = copy;
    }

    /// <summary>Builds the bytes to send from the selected rows: runs of rows sent as stored as one slice each, redacted rows masked.</summary>
    public void Assemble()
    {
        for (var i = 0; i < selected.Count; i++)
        {
            var (batch, row, redaction) = selected[i];
            var rows = batches[batch].Rows;
            if (redaction is not null)
            {
                segments.Add(Redacted(batches[batch].Json(rows[row]), redaction));
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

            output.Write(segments[i].Span(masked));
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
    }

    /// <summary>The JSON to send for a redacted version: masked in place when only strings are masked (most personal data).</summary>
    private Segment Redacted(ReadOnlyMemory<byte> json, PolicyDecision decision)
    {
        masked ??= new PooledBufferWriter(redactedBytes + 1024);
        var start = masked.WrittenCount;
        return Redactor.TryMask(json.Span, decision.Redactions, masked)
            ? Segment.InMasked(start, masked.WrittenCount - start)
            : new Segment(Redactor.Apply(json, decision.Redactions));
    }

    /// <summary>A selected row: its batch, its index in the batch's rows, and the decision when it redacts.</summary>
    private readonly record struct Selection(int Batch, int Row, PolicyDecision? Redaction);

    /// <summary>
    /// Bytes to send: a slice of stored or redacted JSON, or a range of the masked versions' buffer, which may still move as
    /// it grows while the page is assembled and is therefore sliced only when written.
    /// </summary>
    private readonly record struct Segment(ReadOnlyMemory<byte> Bytes, int MaskedStart = -1, int MaskedLength = 0)
    {
        public int Length => MaskedStart < 0 ? Bytes.Length : MaskedLength;

        public static Segment InMasked(int start, int length) => new(default, start, length);

        public ReadOnlySpan<byte> Span(PooledBufferWriter? masked) =>
            MaskedStart < 0 ? Bytes.Span : masked!.WrittenSpan.Slice(MaskedStart, MaskedLength);
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Runtime.InteropServices;
using System.Text.Json;

namespace Concord.Taxii.Server.Internal;

/// <summary>
/// Checks the objects of one POSTed envelope (TAXII 2.1 section 5.5) in parts of <see cref="PartSize"/>, on every core,
/// and hands over each part's accepted objects in envelope order as soon as that part and every part before it are
/// checked: the store writes a part while later ones are still being checked, in the one transaction that also holds
/// the status with every object's outcome (section 4.3).
/// </summary>
/// <remarks>
/// The checks start at once (a POST waiting for the store's write lock is checked meanwhile). The accepted objects are
/// slices of the request body, which the envelope's document was parsed from, so the body must stay unchanged until the
/// store has them, and the document must outlive the checks: dispose this first, which stops and awaits them.
/// Enumerate <see cref="AcceptedPartsAsync"/> once.
/// </remarks>
internal sealed class EnvelopeChecks : IAsyncDisposable
{
    /// <summary>Objects per part: enough to keep a core busy between hand-overs, few enough that the store starts early.</summary>
    public const int PartSize = 100;

    /// <summary>Below this many objects the checks run inline, in the enumeration: starting workers would cost more than they save.</summary>
    private const int ParallelThreshold = 64;

    private readonly JsonElement[] items;
    private readonly ReadOnlyMemory<byte> body;
    private readonly Func<int, string?> check;
    private readonly TaskCompletionSource[] done;
    private readonly CancellationTokenSource stop;
    private readonly Task? checking;

    private EnvelopeChecks(JsonElement[] items, ReadOnlyMemory<byte> body, Func<int, string?> check, CancellationToken cancellationToken)
    {
        this.items = items;
        this.body = body;
        this.check = check;
        Refusals = new string?[items.Length];
        Accepted = new List<int>(items.Length);
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        done = new TaskCompletionSource[(items.Length + PartSize - 1) / PartSize];
        if (items.Length < ParallelThreshold)
        {
            return;
        }

        for (var p = 0; p < done.Length; p++)
        {
            done[p] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = stop.Token };
        checking = Task.Run(
            () => Parallel.For(0, done.Length, options, p =>
            {
                CheckPart(p);
                done[p].SetResult();
            }),
            CancellationToken.None);
    }

    /// <summary>Why each item was refused (null when accepted), complete once the enumeration has ended.</summary>
    public string?[] Refusals { get; }

    /// <summary>The envelope index of each accepted object handed over so far, in hand-over order.</summary>
    public List<int> Accepted { get; }

    /// <summary>Starts checking the items.</summary>
    /// <param name="items">The envelope's objects, parsed from <paramref name="body"/>.</param>
    /// <param name="body">The request body the items were parsed from.</param>
    /// <param name="check">Why the item at an index is refused, or null when it is accepted; called concurrently.</param>
    /// <param name="cancellationToken">Stops the checks.</param>
    public static EnvelopeChecks Start(JsonElement[] items, ReadOnlyMemory<byte> body, Func<int, string?> check, CancellationToken cancellationToken) =>
        new(items, body, check, cancellationToken);

    /// <summary>The accepted objects, part after part in envelope order; it throws when a check failed or was cancelled.</summary>
    public async IAsyncEnumerable<IReadOnlyList<ReadOnlyMemory<byte>>> AcceptedPartsAsync()
    {
        if (checking is null)
        {
            CheckPart(0);
            yield return AcceptedOf(0);
            yield break;
        }

        for (var p = 0; p < done.Length; p++)
        {
            await Task.WhenAny(done[p].Task, checking).ConfigureAwait(false);
            if (!done[p].Task.IsCompleted)
            {
                // The checks ended without this part: they failed or were cancelled, and awaiting them says which.
                await checking.ConfigureAwait(false);
            }

            yield return AcceptedOf(p);
        }
    }

    /// <summary>Stops the checks still running and waits for them, so that the envelope's document can be disposed.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        if (checking is not null)
        {
            await checking.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        stop.Dispose();
    }

    private void CheckPart(int part)
    {
        var end = Math.Min(items.Length, (part + 1) * PartSize);
        for (var i = part * PartSize; i < end; i++)
        {
            Refusals[i] = check(i);
        }
    }

    private List<ReadOnlyMemory<byte>> AcceptedOf(int part)
    {
        var end = Math.Min(items.Length, (part + 1) * PartSize);
        var accepted = new List<ReadOnlyMemory<byte>>(end - (part * PartSize));
        for (var i = part * PartSize; i < end; i++)
        {
            if (Refusals[i] is not null)
            {
                continue;
            }

            // The object's bytes as received, never re-serialized or copied: the document was parsed from the body.
            var raw = JsonMarshal.GetRawUtf8Value(items[i]);
            if (!body.Span.Overlaps(raw, out var offset))
            {
                throw new InvalidOperationException("The envelope's objects were not parsed from the request body.");
            }

            accepted.Add(body.Slice(offset, raw.Length));
            Accepted.Add(i);
        }

        return accepted;
    }
}

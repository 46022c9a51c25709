// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Buffers;
using Concord.Storage;

namespace Concord.Taxii.Server.Internal;

/// <summary>
/// The objects of a GET objects envelope (TAXII 2.1 section 3.7) as stored JSON ready to send, with what the envelope and
/// its headers say about them (<see cref="TaxiiResponses.WriteEnvelopeAsync{T}"/>).
/// </summary>
internal interface IEnvelopeContent
{
    /// <summary>How many objects the envelope holds.</summary>
    int Count { get; }

    /// <summary>The envelope's <c>more</c>.</summary>
    bool More { get; }

    /// <summary>The first object's date added (X-TAXII-Date-Added-First); null when there is none.</summary>
    DateAdded? DateAddedFirst { get; }

    /// <summary>The last object's date added (X-TAXII-Date-Added-Last, and <c>next</c> when <see cref="More"/>); null when there is none.</summary>
    DateAdded? DateAddedLast { get; }

    /// <summary>The length in bytes of what <see cref="WriteContent"/> writes.</summary>
    int ContentLength { get; }

    /// <summary>Writes the objects' JSON values separated by commas (the content of the <c>objects</c> list, without its brackets).</summary>
    void WriteContent(IBufferWriter<byte> output);
}

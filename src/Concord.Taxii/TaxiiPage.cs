// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii;

/// <summary>A paged TAXII response with the <c>X-TAXII-Date-Added-First</c> and <c>-Last</c> headers (section 3.2).</summary>
/// <typeparam name="T">The resource: envelope, manifest or versions.</typeparam>
/// <param name="Resource">The resource.</param>
/// <param name="DateAddedFirst">When the first item of the page was added; null for an empty page.</param>
/// <param name="DateAddedLast">When the last item of the page was added; null for an empty page.</param>
/// <remarks>Immutable.</remarks>
public sealed record TaxiiPage<T>(T Resource, DateTimeOffset? DateAddedFirst, DateTimeOffset? DateAddedLast);

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Objects;

/// <summary>The result for one object of a batch, in the order the batch gave them.</summary>
/// <param name="Outcome">Added, already present, or rejected.</param>
/// <param name="Id">The object's <c>id</c>, or an empty string when it could not be read.</param>
/// <param name="Version">The version (as in <see cref="StoredObject.Version"/>), or an empty string when it could not be read.</param>
/// <param name="DateAdded">The date added of the stored version (of the first copy when already present); null when rejected.</param>
/// <param name="Message">Why the object was rejected; null otherwise. Never echoes object content.</param>
public sealed record AddObjectResult(AddOutcome Outcome, string Id, string Version, DateAdded? DateAdded, string? Message)
{
    /// <summary>Whether TAXII reports this object as a success (added or already present).</summary>
    public bool IsSuccess => Outcome != AddOutcome.Rejected;
}

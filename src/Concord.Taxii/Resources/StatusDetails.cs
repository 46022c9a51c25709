// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii.Resources;

/// <summary>The status-details type (TAXII 2.1 section 4.3.1): one object of an Add Objects request.</summary>
/// <param name="Id">The STIX id of the object (or a placeholder when the object had none).</param>
/// <param name="Version">The object's <c>modified</c>, else <c>created</c>, else a server-consistent value.</param>
/// <param name="Message">Why the object was refused, or other detail.</param>
/// <remarks>Immutable.</remarks>
public sealed record StatusDetails(string Id, string Version, string? Message = null);

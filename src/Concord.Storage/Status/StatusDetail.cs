// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Status;

/// <summary>A TAXII status-details entry (section 4.3.1).</summary>
/// <param name="Id">The object's id.</param>
/// <param name="Version">The object's version.</param>
/// <param name="Message">More information, or null.</param>
public sealed record StatusDetail(string Id, string Version, string? Message = null);

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii.Server;

/// <summary>One API root (TAXII 2.1 section 4.2): its title and description. Its name is its key in <see cref="TaxiiServerOptions.ApiRoots"/>.</summary>
/// <param name="Title">The title.</param>
/// <param name="Description">The description, or null.</param>
/// <remarks>Immutable.</remarks>
public sealed record ApiRootSettings(string Title, string? Description = null);

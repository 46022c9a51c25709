// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Schema;

/// <summary>A predefined SCO extension (section 3.10), e.g. <c>archive-ext</c> on <c>file</c>.</summary>
/// <param name="Name">The extensions key.</param>
/// <param name="ObjectType">The SCO type the extension applies to.</param>
/// <param name="Schema">The schema of the extension body.</param>
public sealed record PredefinedExtension(string Name, string ObjectType, ObjectSchema Schema);

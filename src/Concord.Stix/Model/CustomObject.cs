// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model;

/// <summary>
/// An object whose type the specification does not define: a custom object (section 11.2) or a
/// type defined through an extension-definition (section 7.3). All its properties are kept.
/// </summary>
/// <param name="json">The JSON object.</param>
public sealed class CustomObject(JsonElement json) : StixObject(json);

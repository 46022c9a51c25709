// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Sharing.Markings;
using Concord.Storage.Sharing;

namespace Concord.Sharing.PersonalData;

/// <summary>Person-identifying data the guard found in an object version.</summary>
/// <param name="Category">What kind of personal data it is.</param>
/// <param name="Path">The string property holding it, or null when the whole object is personal data (it must then be withheld).</param>
/// <param name="Text">The string at <paramref name="Path"/>; null when <paramref name="Path"/> is null.</param>
public sealed record PersonalDataFinding(PersonalDataCategory Category, GranularSelector? Path, string? Text);

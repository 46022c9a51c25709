// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Accounts;

/// <summary>A member organization. Users and API tokens belong to exactly one.</summary>
/// <param name="Id">The identifier.</param>
/// <param name="Name">The name, unique in the store (compared ordinally).</param>
public sealed record Organization(Guid Id, string Name);

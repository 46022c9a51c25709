// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Taxii.Server.Internal;

/// <summary>An authenticated client: the organization it acts for, and the user or token that proved it.</summary>
internal sealed record Caller(Guid OrganizationId, string Name);

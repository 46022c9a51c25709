// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Accounts;

/// <summary>What one organization may do with one collection (TAXII <c>can_read</c> / <c>can_write</c>). No grant means neither.</summary>
/// <param name="CollectionId">The collection.</param>
/// <param name="OrganizationId">The organization.</param>
/// <param name="CanRead">Whether it may read.</param>
/// <param name="CanWrite">Whether it may write.</param>
public sealed record CollectionGrant(Guid CollectionId, Guid OrganizationId, bool CanRead, bool CanWrite);

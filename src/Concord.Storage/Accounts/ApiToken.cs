// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Accounts;

/// <summary>An API token for Bearer authentication. Only a hash of the secret is stored.</summary>
/// <param name="Id">The identifier.</param>
/// <param name="OrganizationId">The organization the token acts for.</param>
/// <param name="Name">A label chosen by its creator.</param>
/// <param name="TokenHash">The caller's hash of the secret (for example SHA-256, hex); unique in the store, used for look-up.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <remarks>Immutable.</remarks>
public sealed record ApiToken(Guid Id, Guid OrganizationId, string Name, string TokenHash, DateTimeOffset CreatedAt)
{
    /// <summary>The user who created it, or null.</summary>
    public Guid? UserId { get; init; }

    /// <summary>When it stops being valid, or null for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When it was revoked, or null.</summary>
    public DateTimeOffset? RevokedAt { get; init; }
}

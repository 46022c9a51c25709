// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Accounts;

/// <summary>A user who signs in with HTTP Basic.</summary>
/// <param name="Id">The identifier.</param>
/// <param name="OrganizationId">The user's organization.</param>
/// <param name="Name">The login name, unique in the store (compared ordinally).</param>
/// <param name="PasswordHash">The opaque password hash string produced by the caller's KDF; the store never interprets it.</param>
/// <remarks>Immutable; a snapshot at the time of reading.</remarks>
public sealed record User(Guid Id, Guid OrganizationId, string Name, string PasswordHash)
{
    /// <summary>Until when sign-in is refused, or null when not locked.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>Consecutive failed sign-ins since the last success.</summary>
    public int FailedAttempts { get; init; }
}

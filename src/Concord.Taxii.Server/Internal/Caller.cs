// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Sharing.Audit;

namespace Concord.Taxii.Server.Internal;

/// <summary>An authenticated client: the organization it acts for, and the user or token that proved it.</summary>
internal sealed record Caller(Guid OrganizationId, string Name)
{
    private const string TokenPrefix = "token:";

    /// <summary>The caller as the audit log names it: a user, or a token by its label (never the token).</summary>
    public AuditActor Actor => Name.StartsWith(TokenPrefix, StringComparison.Ordinal) ? AuditActor.Token(Name[TokenPrefix.Length..]) : AuditActor.User(Name);
}

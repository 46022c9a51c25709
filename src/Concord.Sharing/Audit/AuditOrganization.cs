// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Sharing.Audit;

/// <summary>
/// The organization an entry concerns, written as <c>{"id": "…", "name": "…"}</c>: for an ingest the organization that
/// added the objects, for a disclosure, denial or redaction the recipient, for a signature refusal the peer's organization,
/// for a policy change the organization whose rights changed (or the acting one).
/// </summary>
/// <param name="Id">The organization's identifier in the node's account store.</param>
/// <param name="Name">Its name at the time of the entry.</param>
public sealed record AuditOrganization(Guid Id, string Name);

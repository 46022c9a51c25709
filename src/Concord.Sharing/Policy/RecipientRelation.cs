// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Sharing.Policy;

/// <summary>How a recipient organization stands to the origin of an object version (the owner of its collection); the closest relation wins.</summary>
public enum RecipientRelation
{
    /// <summary>The recipient is the organization that owns the collection: nothing crosses an organization boundary.</summary>
    SameOrganization = 0,

    /// <summary>The collection is owned by a working group the recipient is a member of.</summary>
    WorkingGroupMember = 1,

    /// <summary>The recipient shares a working group with the owning organization (the TLP:GREEN community).</summary>
    SameWorkingGroup = 2,

    /// <summary>An agreement in force lets the owner's content flow to the recipient.</summary>
    AgreementParty = 3,

    /// <summary>None of the above.</summary>
    Outsider = 4,
}

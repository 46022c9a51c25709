// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Sharing.Policy;
using Concord.Stix.Model.Meta;
using Concord.Storage.Sharing;

namespace Concord.Sharing.Tests;

/// <summary>
/// A small sharing model: organizations Owner, Peer, Partner and Outsider; working group WG with Owner and Peer; and
/// whatever agreements a test adds. Content is owned by Owner unless a test says otherwise.
/// </summary>
internal sealed record World(IReadOnlyList<Agreement> Agreements)
{
    public static readonly Guid Owner = new("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid Peer = new("00000000-0000-0000-0000-00000000000b");
    public static readonly Guid Partner = new("00000000-0000-0000-0000-00000000000c");
    public static readonly Guid Outsider = new("00000000-0000-0000-0000-00000000000d");
    public static readonly Guid Group = new("00000000-0000-0000-0000-0000000000f1");
    public static readonly Guid GroupCollection = new("00000000-0000-0000-0000-0000000000c1");
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public World()
        : this([])
    {
    }

    public static Agreement Agreement(params TlpLevel[] levels) => new(Guid.NewGuid(), "Owner-Partner " + Guid.NewGuid().ToString("N")[..6])
    {
        Parties = [SharingParty.Organization(Owner), SharingParty.Organization(Partner)],
        TlpLevels = levels,
        ValidFrom = Now.AddDays(-1),
    };

    public World With(Agreement agreement) => new([.. Agreements, agreement]);

    public SharingModel Model => new(
        1,
        [new WorkingGroup(Group, "WG") { Members = [Owner, Peer] }],
        Agreements,
        new Dictionary<Guid, Guid> { [GroupCollection] = Group });

    public SharingPolicy Policy => SharingPolicy.Build(Model, Now);

    public PolicyDecision Decide(ObjectVersion version, Guid recipient) => Decide(version, recipient, SharingParty.Organization(Owner));

    public PolicyDecision Decide(ObjectVersion version, Guid recipient, SharingParty? origin) => Policy.Decide(version, recipient, origin, "taxii");
}

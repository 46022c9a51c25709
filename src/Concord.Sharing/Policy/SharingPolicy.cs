// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Storage.Collections;
using Concord.Storage.Sharing;

namespace Concord.Sharing.Policy;

/// <summary>
/// The policy decision point (DESIGN principles 1–3): one compiled snapshot of the sharing model at an instant, answering
/// decide(object version, recipient organization, channel) → allow, deny with a reason, or redact these paths. Every exit
/// (TAXII objects, object, manifest, versions; exports; the web console; federation) asks it; nothing it denies leaves.
/// </summary>
/// <remarks>
/// <para><b>Origin.</b> An object version's origin is the owner of the collection it is stored in: an organization
/// (<see cref="CollectionInfo.OwnerOrganizationId"/>) or a working group (<see cref="Storage.ISharingStore.SetCollectionWorkingGroupAsync"/>).
/// A collection is a unit of custody: an organization that writes into a collection it does not own hands its content to
/// the owner, under the owner's agreements; federation keeps one collection per peer, owned by the peer's organization.
/// A collection without an owner has no custodian: only TLP:CLEAR and named-recipient TLP:RED content leaves it.</para>
/// <para><b>Rules</b> (TLP 2.0, <see href="https://www.first.org/tlp/"/>; markings per STIX 2.1 section 7.2), for a recipient
/// other than the owning organization (which receives all its own content unchanged):</para>
/// <list type="bullet">
/// <item>no TLP marking: members of an owning working group only (default deny);</item>
/// <item>TLP:CLEAR: anyone the collection is readable by;</item>
/// <item>TLP:GREEN: members of an owning working group, organizations sharing a working group with the owner, and parties of an
/// agreement covering GREEN and the object's type;</item>
/// <item>TLP:AMBER and TLP:AMBER+STRICT: members of an owning working group, and parties of an agreement covering that level and type;</item>
/// <item>TLP:RED: the organizations named by <see cref="Markings.ConcordRecipients"/> only.</item>
/// </list>
/// <para>A granular TLP marking (section 7.2.3) the recipient is not entitled to removes the property it covers; when it covers
/// <c>id</c>, <c>type</c>, <c>spec_version</c>, <c>created</c> or <c>modified</c>, the version is denied. Personal data
/// (<see cref="PersonalData.PersonalDataGuard"/>) crossing the boundary is withheld (whole objects) or masked (free text) unless an
/// agreement that covers the version allows its category. An agreement covers a flow when it is in force, the owner is (in) one
/// party and the recipient (in) another, and its direction lets the owner's party disclose.</para>
/// <para>Immutable and thread-safe. It depends on the instant it was built for: rebuild it after <see cref="ValidUntil"/> or when
/// the model's revision changes.</para>
/// </remarks>
public sealed class SharingPolicy
{
    private readonly Dictionary<Guid, HashSet<Guid>> members = [];
    private readonly Dictionary<Guid, List<Guid>> groupsOf = [];
    private readonly Agreement[] inForce;
    private readonly IReadOnlyDictionary<Guid, Guid> collectionGroups;

    private SharingPolicy(SharingModel model, DateTimeOffset now)
    {
        Revision = model.Revision;
        foreach (var group in model.WorkingGroups)
        {
            members[group.Id] = [.. group.Members];
            foreach (var member in group.Members)
            {
                if (!groupsOf.TryGetValue(member, out var list))
                {
                    groupsOf[member] = list = [];
                }

                list.Add(group.Id);
            }
        }

        inForce = [.. model.Agreements.Where(agreement => agreement.IsInForce(now))];
        collectionGroups = model.CollectionWorkingGroups;
        var boundaries = model.Agreements
            .Where(agreement => agreement.RevokedAt is null)
            .SelectMany(agreement => new[] { agreement.ValidFrom, agreement.ValidUntil ?? DateTimeOffset.MaxValue })
            .Where(instant => instant > now);
        ValidUntil = boundaries.DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
    }

    /// <summary>The revision of the model this policy was built from.</summary>
    public long Revision { get; }

    /// <summary>The first instant at which an agreement comes into force or expires: the policy must be rebuilt by then.</summary>
    public DateTimeOffset ValidUntil { get; }

    /// <summary>Compiles a snapshot of the sharing model for decisions at <paramref name="now"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="now">The instant.</param>
    public static SharingPolicy Build(SharingModel model, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new SharingPolicy(model, now);
    }

    /// <summary>The origin of the versions in a collection: its owning organization or working group; null when it has no owner.</summary>
    /// <param name="collection">The collection.</param>
    public SharingParty? OriginOf(CollectionInfo collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if (collection.OwnerOrganizationId is { } organization)
        {
            return SharingParty.Organization(organization);
        }

        return collectionGroups.TryGetValue(collection.Id, out var group) ? SharingParty.WorkingGroup(group) : null;
    }

    /// <summary>
    /// Prepares the decisions for one recipient and one origin: everything that depends only on them is computed here once
    /// (per request), so that <see cref="RecipientView.Decide(ObjectVersion)"/> does per-object work only.
    /// </summary>
    /// <param name="recipient">The recipient organization.</param>
    /// <param name="origin">The origin (<see cref="OriginOf"/>).</param>
    /// <param name="channel">The exit, e.g. <c>taxii</c> (recorded in denial reasons; the rules are the same on every channel).</param>
    public RecipientView For(Guid recipient, SharingParty? origin, string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var sameOrganization = origin is { Kind: SharingPartyKind.Organization } owner && owner.Id == recipient;
        var groupMember = origin is { Kind: SharingPartyKind.WorkingGroup } group && members.TryGetValue(group.Id, out var set) && set.Contains(recipient);
        var sameGroup = origin is { Kind: SharingPartyKind.Organization } organization && !sameOrganization
            && groupsOf.TryGetValue(recipient, out var mine) && mine.Any(id => members[id].Contains(organization.Id));
        var covering = origin is { } from && !sameOrganization ? inForce.Where(agreement => Covers(agreement, from, recipient)).ToArray() : [];
        var relation = sameOrganization ? RecipientRelation.SameOrganization
            : groupMember ? RecipientRelation.WorkingGroupMember
            : sameGroup ? RecipientRelation.SameWorkingGroup
            : covering.Length > 0 ? RecipientRelation.AgreementParty
            : RecipientRelation.Outsider;
        return new RecipientView(recipient, channel, relation, sameGroup, covering);
    }

    /// <summary>decide(object version, recipient organization, channel): <see cref="For"/> then <see cref="RecipientView.Decide(ObjectVersion)"/>.</summary>
    /// <param name="version">The object version.</param>
    /// <param name="recipient">The recipient organization.</param>
    /// <param name="origin">The origin of the version (<see cref="OriginOf"/>).</param>
    /// <param name="channel">The exit.</param>
    public PolicyDecision Decide(ObjectVersion version, Guid recipient, SharingParty? origin, string channel) =>
        For(recipient, origin, channel).Decide(version);

    private bool Includes(SharingParty party, SharingParty subject) =>
        party == subject
        || (party.Kind == SharingPartyKind.WorkingGroup && subject.Kind == SharingPartyKind.Organization
            && members.TryGetValue(party.Id, out var set) && set.Contains(subject.Id));

    private bool Covers(Agreement agreement, SharingParty origin, Guid recipient)
    {
        var to = SharingParty.Organization(recipient);
        foreach (var from in agreement.Parties)
        {
            if (!Includes(from, origin) || (agreement.Direction == AgreementDirection.OneWay && agreement.Provider != from))
            {
                continue;
            }

            if (agreement.Parties.Any(party => party != from && Includes(party, to)))
            {
                return true;
            }
        }

        return false;
    }
}

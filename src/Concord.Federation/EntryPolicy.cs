// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Sharing.Audit;
using Concord.Sharing.Markings;
using Concord.Sharing.PersonalData;
using Concord.Sharing.Policy;
using Concord.Stix.Model.Meta;

namespace Concord.Federation;

/// <summary>
/// The entry policy: the node's decision point asked the other way round — would the node's own organization receive this
/// version from the peer's organization on the <c>federation</c> channel? The same decision for a pulled page
/// (<see cref="PeerPuller"/>) and a pushed one (<see cref="PeerIngestGate"/>).
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class EntryPolicy
{
    /// <summary>
    /// The entry decision. TLP:RED names its recipients by the sender's organization ids, which mean nothing here; the
    /// sender's decision point has already checked that we are named (it disclosed the page to us), so RED is accepted when
    /// an agreement in force with the peer covers RED and the object carries no personal data at all (it cannot be masked
    /// without the sender's say; such an object is refused whole).
    /// </summary>
    /// <param name="view">The decisions for the node's organization receiving from the peer's, on the federation channel.</param>
    /// <param name="item">The parsed object.</param>
    /// <param name="version">The object version (its JSON is <paramref name="item"/>'s).</param>
    public static PolicyDecision Decide(RecipientView view, JsonElement item, ObjectVersion version)
    {
        if (ObjectMarkings.Read(item).Level != TlpLevel.Red)
        {
            return view.Decide(version, item);
        }

        if (!view.Agreements.Any(agreement => agreement.TlpLevels.Contains(TlpLevel.Red)
            && (agreement.AllowedTypes.Count == 0 || agreement.AllowedTypes.Contains(version.Type, StringComparer.Ordinal))
            && !agreement.ExcludedTypes.Contains(version.Type, StringComparer.Ordinal)))
        {
            return PolicyDecision.Deny($"{AuditChannels.Federation}: no agreement in force with the peer covers TLP:RED '{version.Type}'");
        }

        return PersonalDataGuard.Inspect(item, version.Type).Count == 0
            ? PolicyDecision.Allowed
            : PolicyDecision.Deny($"{AuditChannels.Federation}: TLP:RED content with personal data is refused whole (it cannot be masked on entry)");
    }

    /// <summary>An object's version (STIX 2.1 section 3.6: <c>modified</c>, else <c>created</c>); null when it has neither as a string.</summary>
    /// <param name="item">The object.</param>
    public static string? VersionOf(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return item.TryGetProperty("modified", out var modified) && modified.ValueKind == JsonValueKind.String ? modified.GetString()
            : item.TryGetProperty("created", out var created) && created.ValueKind == JsonValueKind.String ? created.GetString()
            : null;
    }
}

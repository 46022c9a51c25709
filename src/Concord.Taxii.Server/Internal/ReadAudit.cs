// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text;
using Concord.Sharing.Audit;
using Concord.Sharing.Policy;

namespace Concord.Taxii.Server.Internal;

/// <summary>
/// What one read request decided, collected as it is decided, for the audit entries of the request: one disclosure listing
/// every version sent, one redaction listing the redacted ones with their paths, and one denial per reason.
/// </summary>
/// <remarks>Not thread-safe: one per request.</remarks>
internal sealed class ReadAudit
{
    private readonly AuditObjectRefList disclosed = [];
    private readonly List<AuditObjectRef> redacted = [];
    private readonly List<string> redactionReasons = [];
    private readonly Dictionary<string, (List<AuditObjectRef> Refs, HashSet<AuditObjectRef> Seen)> denied = new(StringComparer.Ordinal);
    private readonly List<string> denialReasons = [];

    /// <summary>Records a version sent to the caller, as stored or redacted, from the UTF-8 bytes of its id and version.</summary>
    public void Disclosed(ReadOnlySpan<byte> id, ReadOnlySpan<byte> version, PolicyDecision decision)
    {
        disclosed.Add(id, version);
        if (decision.Outcome == PolicyOutcome.Redact)
        {
            Redacted(new AuditObjectRef(Encoding.UTF8.GetString(id), Encoding.UTF8.GetString(version)), decision);
        }
    }

    /// <summary>Records a version sent to the caller, as stored or redacted.</summary>
    public void Disclosed(string id, string version, PolicyDecision decision)
    {
        disclosed.Add(id, version);
        if (decision.Outcome == PolicyOutcome.Redact)
        {
            Redacted(new AuditObjectRef(id, version), decision);
        }
    }

    /// <summary>Records a version withheld from the caller.</summary>
    public void Denied(AuditObjectRef version, PolicyDecision decision)
    {
        var reason = decision.Reason!;
        if (!denied.TryGetValue(reason, out var group))
        {
            denied[reason] = group = ([], []);
            denialReasons.Add(reason);
        }

        if (group.Seen.Add(version))
        {
            group.Refs.Add(version);
        }
    }

    /// <summary>Records the redactions of a disclosed version.</summary>
    private void Redacted(AuditObjectRef version, PolicyDecision decision)
    {
        redacted.Add(version with { Paths = [.. decision.Redactions.Select(r => r.Path.JsonPath)] });
        foreach (var redaction in decision.Redactions)
        {
            if (!redactionReasons.Contains(redaction.Reason, StringComparer.Ordinal))
            {
                redactionReasons.Add(redaction.Reason);
            }
        }
    }

    /// <summary>The entries to append, in the order disclosure, redaction, denials (by first occurrence of their reason).</summary>
    /// <param name="template">The members every entry of the request shares (kind, objects and reason are set here).</param>
    /// <param name="details">Builds the request's details, once per entry (an entry keeps its own).</param>
    public List<AuditEvent> Events(AuditEvent template, Func<System.Text.Json.Nodes.JsonObject> details)
    {
        var events = new List<AuditEvent>(2 + denialReasons.Count);
        if (disclosed.Count > 0)
        {
            events.Add(template with { Kind = AuditEntryKind.Disclosure, Objects = disclosed, Details = details() });
            if (redacted.Count > 0)
            {
                events.Add(template with { Kind = AuditEntryKind.Redaction, Objects = redacted, Reason = string.Join("; ", redactionReasons), Details = details() });
            }
        }

        foreach (var reason in denialReasons)
        {
            events.Add(template with { Kind = AuditEntryKind.Denial, Objects = denied[reason].Refs, Reason = reason, Details = details() });
        }

        return events;
    }
}

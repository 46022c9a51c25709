// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Sharing.Markings;

namespace Concord.Sharing.Policy;

/// <summary>What the policy decision point decided for one object version and one recipient.</summary>
public enum PolicyOutcome
{
    /// <summary>Disclose the version as stored.</summary>
    Allow = 0,

    /// <summary>Withhold it: to the recipient it does not exist.</summary>
    Deny = 1,

    /// <summary>Disclose it after applying <see cref="PolicyDecision.Redactions"/>.</summary>
    Redact = 2,
}

/// <summary>One change to make to an object version before disclosing it.</summary>
/// <param name="Path">The property, list item or dictionary entry (in granular-marking selector form).</param>
/// <param name="Replacement">The string to put in place of the value (masked personal data); null to remove the path.</param>
/// <param name="Reason">Why, for the audit log.</param>
public sealed record Redaction(GranularSelector Path, string? Replacement, string Reason);

/// <summary>The decision for one object version, one recipient organization and one channel: allow, deny with a reason, or redact these paths.</summary>
/// <remarks>Immutable. The reason and the redactions are for the audit log; a recipient never sees them (a denied version is answered as a missing one).</remarks>
public sealed class PolicyDecision
{
    private PolicyDecision(PolicyOutcome outcome, string? reason, IReadOnlyList<Redaction> redactions)
    {
        Outcome = outcome;
        Reason = reason;
        Redactions = redactions;
    }

    /// <summary>Disclose as stored.</summary>
    public static PolicyDecision Allowed { get; } = new(PolicyOutcome.Allow, null, []);

    /// <summary>The outcome.</summary>
    public PolicyOutcome Outcome { get; }

    /// <summary>Why the version was denied; null otherwise.</summary>
    public string? Reason { get; }

    /// <summary>The redactions of a <see cref="PolicyOutcome.Redact"/> decision; empty otherwise.</summary>
    public IReadOnlyList<Redaction> Redactions { get; }

    /// <summary>Whether the recipient receives the version (as stored or redacted).</summary>
    public bool Discloses => Outcome != PolicyOutcome.Deny;

    /// <summary>A denial.</summary>
    /// <param name="reason">Why, naming the rule.</param>
    public static PolicyDecision Deny(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new PolicyDecision(PolicyOutcome.Deny, reason, []);
    }

    /// <summary>A disclosure after redactions; <see cref="Allowed"/> when there are none.</summary>
    /// <param name="redactions">The redactions.</param>
    public static PolicyDecision Redact(IReadOnlyList<Redaction> redactions)
    {
        ArgumentNullException.ThrowIfNull(redactions);
        return redactions.Count == 0 ? Allowed : new PolicyDecision(PolicyOutcome.Redact, null, redactions);
    }

    /// <inheritdoc />
    public override string ToString() => Outcome switch
    {
        PolicyOutcome.Deny => "deny: " + Reason,
        PolicyOutcome.Redact => "redact " + string.Join(", ", Redactions.Select(redaction => redaction.Path.JsonPath)),
        _ => "allow",
    };
}

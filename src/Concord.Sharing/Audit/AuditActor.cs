// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Sharing.Audit;

/// <summary>Who acted: written as <c>{"type": "user", "name": "alice"}</c>.</summary>
/// <param name="Type">What kind of principal it is.</param>
/// <param name="Name">Its name: the user name, the token's label or id, the peer's name, the node's STIX identity id, or the local operating-system user.</param>
public sealed record AuditActor(AuditActorType Type, string Name)
{
    /// <summary>A user signed in with a password.</summary>
    /// <param name="name">The user name.</param>
    /// <returns>The actor.</returns>
    public static AuditActor User(string name) => new(AuditActorType.User, name);

    /// <summary>A client presenting an API token.</summary>
    /// <param name="name">The token's label or id (never the token).</param>
    /// <returns>The actor.</returns>
    public static AuditActor Token(string name) => new(AuditActorType.Token, name);

    /// <summary>A federation peer.</summary>
    /// <param name="name">The peer's name.</param>
    /// <returns>The actor.</returns>
    public static AuditActor Peer(string name) => new(AuditActorType.Peer, name);

    /// <summary>The node itself (checkpoints, recovery).</summary>
    /// <param name="name">The node's STIX identity id.</param>
    /// <returns>The actor.</returns>
    public static AuditActor Node(string name) => new(AuditActorType.Node, name);

    /// <summary>An operator running a <c>concord</c> command on the node's machine, with access to its data directory.</summary>
    /// <param name="name">The operating-system user.</param>
    /// <returns>The actor.</returns>
    public static AuditActor Local(string name) => new(AuditActorType.Local, name);
}

/// <summary>The kinds of <see cref="AuditActor"/>; their wire names (<see cref="AuditActorTypes.ToName"/>) are the lower-case member names.</summary>
public enum AuditActorType
{
    /// <summary><c>user</c>: a user signed in with a password.</summary>
    User,

    /// <summary><c>token</c>: a client presenting an API token.</summary>
    Token,

    /// <summary><c>peer</c>: a federation peer node.</summary>
    Peer,

    /// <summary><c>node</c>: the node itself.</summary>
    Node,

    /// <summary><c>local</c>: an operator running a <c>concord</c> command on the node's machine.</summary>
    Local,
}

/// <summary>The wire names of <see cref="AuditActorType"/> (the <c>type</c> member of an entry's <c>actor</c>).</summary>
public static class AuditActorTypes
{
    private static readonly string[] Names = ["user", "token", "peer", "node", "local"];

    /// <summary>The wire name of an actor type.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The name, e.g. <c>user</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined type.</exception>
    public static string ToName(this AuditActorType type) =>
        (uint)type < (uint)Names.Length ? Names[(int)type] : throw new ArgumentOutOfRangeException(nameof(type), type, "Not an actor type.");

    /// <summary>The actor type with this wire name (compared ordinally).</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="type">The type, when found.</param>
    /// <returns>Whether the name is an actor type.</returns>
    public static bool TryParse(string? name, out AuditActorType type)
    {
        var index = Array.IndexOf(Names, name);
        type = (AuditActorType)Math.Max(index, 0);
        return index >= 0;
    }
}

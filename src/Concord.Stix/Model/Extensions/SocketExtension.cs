// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Extensions;

/// <summary>The Network Socket extension (<c>socket-ext</c>) of network traffic (section 6.12.4).</summary>
/// <param name="json">The JSON object.</param>
public sealed class SocketExtension(JsonElement json) : StixElement(json)
{
    /// <summary>The key of this extension in an <c>extensions</c> dictionary (section 6.12.4).</summary>
    public const string ExtensionName = "socket-ext";

    /// <summary><c>address_family</c> (required): Specifies the address family (AF_) that the socket is configured for (section 6.12.4).</summary>
    public string? AddressFamily => GetString("address_family");

    /// <summary><c>is_blocking</c>: Specifies whether the socket is in blocking mode (section 6.12.4).</summary>
    public bool? IsBlocking => GetBoolean("is_blocking");

    /// <summary><c>is_listening</c>: Specifies whether the socket is in listening mode (section 6.12.4).</summary>
    public bool? IsListening => GetBoolean("is_listening");

    /// <summary><c>options</c>: Specifies any options (e.g., SO_) that may be used by the socket, as a dictionary (section 6.12.4).</summary>
    public IReadOnlyDictionary<string, long> Options => GetInt64Dictionary("options");

    /// <summary><c>socket_type</c>: Specifies the type of the socket (section 6.12.4).</summary>
    public string? SocketType => GetString("socket_type");

    /// <summary><c>socket_descriptor</c>: Specifies the socket file descriptor value associated with the socket, as a non-negative integer (section 6.12.4).</summary>
    public long? SocketDescriptor => GetInt64("socket_descriptor");

    /// <summary><c>socket_handle</c>: Specifies the handle or inode value associated with the socket (section 6.12.4).</summary>
    public long? SocketHandle => GetInt64("socket_handle");
}

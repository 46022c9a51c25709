// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Model.Extensions;

namespace Concord.Stix.Model.Observables;

/// <summary>A Network Traffic: arbitrary network traffic between a source and a destination (section 6.12.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class NetworkTraffic(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>network-traffic</c> (section 6.12.1).</summary>
    public const string TypeName = "network-traffic";

    /// <summary><c>start</c>: Specifies the date/time the network traffic was initiated, if known (section 6.12.1).</summary>
    public StixTimestamp? Start => GetTimestamp("start");

    /// <summary><c>end</c>: Specifies the date/time the network traffic ended, if known (section 6.12.1).</summary>
    public StixTimestamp? End => GetTimestamp("end");

    /// <summary><c>is_active</c>: Indicates whether the network traffic is still ongoing (section 6.12.1).</summary>
    public bool? IsActive => GetBoolean("is_active");

    /// <summary><c>src_ref</c>: Specifies the source of the network traffic, as a reference to a Cyber-observable Object (section 6.12.1).</summary>
    public string? SrcRef => GetString("src_ref");

    /// <summary><c>dst_ref</c>: Specifies the destination of the network traffic, as a reference to a Cyber-observable Object (section 6.12.1).</summary>
    public string? DstRef => GetString("dst_ref");

    /// <summary><c>src_port</c>: Specifies the source port used in the network traffic, as an integer (section 6.12.1).</summary>
    public long? SrcPort => GetInt64("src_port");

    /// <summary><c>dst_port</c>: Specifies the destination port used in the network traffic, as an integer (section 6.12.1).</summary>
    public long? DstPort => GetInt64("dst_port");

    /// <summary><c>protocols</c> (required): Specifies the protocols observed in the network traffic, along with their corresponding state (section 6.12.1).</summary>
    public IReadOnlyList<string> Protocols => GetStrings("protocols");

    /// <summary><c>src_byte_count</c>: Specifies the number of bytes, as a positive integer, sent from the source to the destination (section 6.12.1).</summary>
    public long? SrcByteCount => GetInt64("src_byte_count");

    /// <summary><c>dst_byte_count</c>: Specifies the number of bytes, as a positive integer, sent from the destination to the source (section 6.12.1).</summary>
    public long? DstByteCount => GetInt64("dst_byte_count");

    /// <summary><c>src_packets</c>: Specifies the number of packets, as a positive integer, sent from the source to the destination (section 6.12.1).</summary>
    public long? SrcPackets => GetInt64("src_packets");

    /// <summary><c>dst_packets</c>: Specifies the number of packets, as a positive integer, sent from the destination to the source (section 6.12.1).</summary>
    public long? DstPackets => GetInt64("dst_packets");

    /// <summary><c>ipfix</c>: Specifies any IP Flow Information Export [IPFIX] data for the traffic, as a dictionary (section 6.12.1).</summary>
    public IReadOnlyDictionary<string, JsonElement> Ipfix => GetDictionary("ipfix");

    /// <summary><c>src_payload_ref</c>: Specifies the bytes sent from the source to the destination (section 6.12.1).</summary>
    public string? SrcPayloadRef => GetString("src_payload_ref");

    /// <summary><c>dst_payload_ref</c>: Specifies the bytes sent from the destination to the source (section 6.12.1).</summary>
    public string? DstPayloadRef => GetString("dst_payload_ref");

    /// <summary><c>encapsulates_refs</c>: Links to other network-traffic objects encapsulated by this network-traffic object (section 6.12.1).</summary>
    public IReadOnlyList<string> EncapsulatesRefs => GetStrings("encapsulates_refs");

    /// <summary><c>encapsulated_by_ref</c>: Links to another network-traffic object which encapsulates this object (section 6.12.1).</summary>
    public string? EncapsulatedByRef => GetString("encapsulated_by_ref");

    /// <summary>The <c>http-request-ext</c> extension, when present (section 6.12.2).</summary>
    public HttpRequestExtension? HttpRequestExtension => GetExtension(HttpRequestExtension.ExtensionName, e => new HttpRequestExtension(e));

    /// <summary>The <c>icmp-ext</c> extension, when present (section 6.12.3).</summary>
    public IcmpExtension? IcmpExtension => GetExtension(IcmpExtension.ExtensionName, e => new IcmpExtension(e));

    /// <summary>The <c>socket-ext</c> extension, when present (section 6.12.4).</summary>
    public SocketExtension? SocketExtension => GetExtension(SocketExtension.ExtensionName, e => new SocketExtension(e));

    /// <summary>The <c>tcp-ext</c> extension, when present (section 6.12.5).</summary>
    public TcpExtension? TcpExtension => GetExtension(TcpExtension.ExtensionName, e => new TcpExtension(e));
}

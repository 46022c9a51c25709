// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Stix.Schema;

/// <content>The vocabularies and enumerations used by the cyber-observable objects of section 6 (generated from the section 10 tables).</content>
public static partial class Vocabularies
{
    /// <summary>account-type-ov (section 10.1).</summary>
    public static Vocabulary AccountType { get; } = new("account-type-ov", "10.1", "facebook", "ldap", "nis", "openid", "radius", "skype", "tacacs", "twitter", "unix", "windows-local", "windows-domain");

    /// <summary>encryption-algorithm-enum (section 10.4).</summary>
    public static Vocabulary EncryptionAlgorithm { get; } = new("encryption-algorithm-enum", "10.4", "AES-256-GCM", "ChaCha20-Poly1305", "mime-type-indicated");

    /// <summary>network-socket-address-family-enum (section 10.16).</summary>
    public static Vocabulary NetworkSocketAddressFamily { get; } = new("network-socket-address-family-enum", "10.16", "AF_UNSPEC", "AF_INET", "AF_IPX", "AF_APPLETALK", "AF_NETBIOS", "AF_INET6", "AF_IRDA", "AF_BTH");

    /// <summary>network-socket-type-enum (section 10.17).</summary>
    public static Vocabulary NetworkSocketType { get; } = new("network-socket-type-enum", "10.17", "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM", "SOCK_SEQPACKET");

    /// <summary>windows-integrity-level-enum (section 10.27).</summary>
    public static Vocabulary WindowsIntegrityLevel { get; } = new("windows-integrity-level-enum", "10.27", "low", "medium", "high", "system");

    /// <summary>windows-pebinary-type-ov (section 10.28).</summary>
    public static Vocabulary WindowsPeBinaryType { get; } = new("windows-pebinary-type-ov", "10.28", "dll", "exe", "sys");

    /// <summary>windows-registry-datatype-enum (section 10.29).</summary>
    public static Vocabulary WindowsRegistryDatatype { get; } = new("windows-registry-datatype-enum", "10.29", "REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD", "REG_DWORD_BIG_ENDIAN", "REG_DWORD_LITTLE_ENDIAN", "REG_LINK", "REG_MULTI_SZ", "REG_RESOURCE_LIST", "REG_FULL_RESOURCE_DESCRIPTION", "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD", "REG_INVALID_TYPE");

    /// <summary>windows-service-start-type-enum (section 10.30).</summary>
    public static Vocabulary WindowsServiceStartType { get; } = new("windows-service-start-type-enum", "10.30", "SERVICE_AUTO_START", "SERVICE_BOOT_START", "SERVICE_DEMAND_START", "SERVICE_DISABLED", "SERVICE_SYSTEM_ALERT");

    /// <summary>windows-service-type-enum (section 10.31).</summary>
    public static Vocabulary WindowsServiceType { get; } = new("windows-service-type-enum", "10.31", "SERVICE_KERNEL_DRIVER", "SERVICE_FILE_SYSTEM_DRIVER", "SERVICE_WIN32_OWN_PROCESS", "SERVICE_WIN32_SHARE_PROCESS");

    /// <summary>windows-service-status-enum (section 10.32).</summary>
    public static Vocabulary WindowsServiceStatus { get; } = new("windows-service-status-enum", "10.32", "SERVICE_CONTINUE_PENDING", "SERVICE_PAUSE_PENDING", "SERVICE_PAUSED", "SERVICE_RUNNING", "SERVICE_START_PENDING", "SERVICE_STOP_PENDING", "SERVICE_STOPPED");
}

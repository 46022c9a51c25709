// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Extensions;

/// <summary>The Windows Service extension (<c>windows-service-ext</c>) of a process (section 6.13.3).</summary>
/// <param name="json">The JSON object.</param>
public sealed class WindowsServiceExtension(JsonElement json) : StixElement(json)
{
    /// <summary>The key of this extension in an <c>extensions</c> dictionary (section 6.13.3).</summary>
    public const string ExtensionName = "windows-service-ext";

    /// <summary><c>service_name</c>: Specifies the name of the service (section 6.13.3).</summary>
    public string? ServiceName => GetString("service_name");

    /// <summary><c>descriptions</c>: Specifies the descriptions defined for the service (section 6.13.3).</summary>
    public IReadOnlyList<string> Descriptions => GetStrings("descriptions");

    /// <summary><c>display_name</c>: Specifies the display name of the service in Windows GUI controls (section 6.13.3).</summary>
    public string? DisplayName => GetString("display_name");

    /// <summary><c>group_name</c>: Specifies the name of the load ordering group of which the service is a member (section 6.13.3).</summary>
    public string? GroupName => GetString("group_name");

    /// <summary><c>start_type</c>: Specifies the start options defined for the service (section 6.13.3).</summary>
    public string? StartType => GetString("start_type");

    /// <summary><c>service_dll_refs</c>: Specifies the DLLs loaded by the service, as a reference to one or more File objects (section 6.13.3).</summary>
    public IReadOnlyList<string> ServiceDllRefs => GetStrings("service_dll_refs");

    /// <summary><c>service_type</c>: Specifies the type of the service (section 6.13.3).</summary>
    public string? ServiceType => GetString("service_type");

    /// <summary><c>service_status</c>: Specifies the current status of the service (section 6.13.3).</summary>
    public string? ServiceStatus => GetString("service_status");
}

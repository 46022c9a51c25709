// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Extensions;

/// <summary>The Windows Process extension (<c>windows-process-ext</c>) of a process (section 6.13.2).</summary>
/// <param name="json">The JSON object.</param>
public sealed class WindowsProcessExtension(JsonElement json) : StixElement(json)
{
    /// <summary>The key of this extension in an <c>extensions</c> dictionary (section 6.13.2).</summary>
    public const string ExtensionName = "windows-process-ext";

    /// <summary><c>aslr_enabled</c>: Specifies whether Address Space Layout Randomization (ASLR) is enabled for the process (section 6.13.2).</summary>
    public bool? AslrEnabled => GetBoolean("aslr_enabled");

    /// <summary><c>dep_enabled</c>: Specifies whether Data Execution Prevention (DEP) is enabled for the process (section 6.13.2).</summary>
    public bool? DepEnabled => GetBoolean("dep_enabled");

    /// <summary><c>priority</c>: Specifies the current priority class of the process in Windows (section 6.13.2).</summary>
    public string? Priority => GetString("priority");

    /// <summary><c>owner_sid</c>: Specifies the Security ID (SID) value of the owner of the process (section 6.13.2).</summary>
    public string? OwnerSid => GetString("owner_sid");

    /// <summary><c>windows_title</c>: Specifies the title of the main window of the process (section 6.13.2).</summary>
    public string? WindowsTitle => GetString("windows_title");

    /// <summary><c>startup_info</c>: Specifies the STARTUP_INFO struct used by the process, as a dictionary (section 6.13.2).</summary>
    public IReadOnlyDictionary<string, JsonElement> StartupInfo => GetDictionary("startup_info");

    /// <summary><c>integrity_level</c>: Specifies the Windows integrity level, or trustworthiness, of the process (section 6.13.2).</summary>
    public string? IntegrityLevel => GetString("integrity_level");
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Model.Extensions;

namespace Concord.Stix.Model.Observables;

/// <summary>A Process: common properties of an instance of a computer program as executed on an operating system (section 6.13.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Process(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>process</c> (section 6.13.1).</summary>
    public const string TypeName = "process";

    /// <summary><c>is_hidden</c>: Specifies whether the process is hidden (section 6.13.1).</summary>
    public bool? IsHidden => GetBoolean("is_hidden");

    /// <summary><c>pid</c>: Specifies the Process ID, or PID, of the process (section 6.13.1).</summary>
    public long? Pid => GetInt64("pid");

    /// <summary><c>created_time</c>: Specifies the date/time at which the process was created (section 6.13.1).</summary>
    public StixTimestamp? CreatedTime => GetTimestamp("created_time");

    /// <summary><c>cwd</c>: Specifies the current working directory of the process (section 6.13.1).</summary>
    public string? Cwd => GetString("cwd");

    /// <summary>The <c>command_line</c> property (section 6.13.1).</summary>
    public string? CommandLine => GetString("command_line");

    /// <summary><c>environment_variables</c>: Specifies the list of environment variables associated with the process as a dictionary (section 6.13.1).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables => GetStringDictionary("environment_variables");

    /// <summary><c>opened_connection_refs</c>: Specifies the list of network connections opened by the process, as a reference to one or more Network Traffic objects (section 6.13.1).</summary>
    public IReadOnlyList<string> OpenedConnectionRefs => GetStrings("opened_connection_refs");

    /// <summary><c>creator_user_ref</c>: Specifies the user that created the process, as a reference to a User Account object (section 6.13.1).</summary>
    public string? CreatorUserRef => GetString("creator_user_ref");

    /// <summary><c>image_ref</c>: Specifies the executable binary that was executed as the process image, as a reference to a File object (section 6.13.1).</summary>
    public string? ImageRef => GetString("image_ref");

    /// <summary><c>parent_ref</c>: Specifies the other process that spawned (i.e. is the parent of) this one, as a reference to a Process object (section 6.13.1).</summary>
    public string? ParentRef => GetString("parent_ref");

    /// <summary><c>child_refs</c>: Specifies the other processes that were spawned by (i.e. children of) this process, as a reference to one or more other Process objects (section 6.13.1).</summary>
    public IReadOnlyList<string> ChildRefs => GetStrings("child_refs");

    /// <summary>The <c>windows-process-ext</c> extension, when present (section 6.13.2).</summary>
    public WindowsProcessExtension? WindowsProcessExtension => GetExtension(WindowsProcessExtension.ExtensionName, e => new WindowsProcessExtension(e));

    /// <summary>The <c>windows-service-ext</c> extension, when present (section 6.13.3).</summary>
    public WindowsServiceExtension? WindowsServiceExtension => GetExtension(WindowsServiceExtension.ExtensionName, e => new WindowsServiceExtension(e));
}

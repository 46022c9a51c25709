// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Extensions;

/// <summary>The UNIX Account extension (<c>unix-account-ext</c>) of a user account (section 6.16.2).</summary>
/// <param name="json">The JSON object.</param>
public sealed class UnixAccountExtension(JsonElement json) : StixElement(json)
{
    /// <summary>The key of this extension in an <c>extensions</c> dictionary (section 6.16.2).</summary>
    public const string ExtensionName = "unix-account-ext";

    /// <summary><c>gid</c>: Specifies the primary group ID of the account (section 6.16.2).</summary>
    public long? Gid => GetInt64("gid");

    /// <summary><c>groups</c>: Specifies a list of names of groups that the account is a member of (section 6.16.2).</summary>
    public IReadOnlyList<string> Groups => GetStrings("groups");

    /// <summary><c>home_dir</c>: Specifies the home directory of the account (section 6.16.2).</summary>
    public string? HomeDir => GetString("home_dir");

    /// <summary><c>shell</c>: Specifies the account’s command shell (section 6.16.2).</summary>
    public string? Shell => GetString("shell");
}

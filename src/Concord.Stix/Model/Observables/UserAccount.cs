// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Model.Extensions;

namespace Concord.Stix.Model.Observables;

/// <summary>A User Account: an instance of any type of user account (section 6.16.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class UserAccount(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>user-account</c> (section 6.16.1).</summary>
    public const string TypeName = "user-account";

    /// <summary><c>user_id</c>: Specifies the identifier of the account (section 6.16.1).</summary>
    public string? UserId => GetString("user_id");

    /// <summary><c>credential</c>: Specifies a cleartext credential (section 6.16.1).</summary>
    public string? Credential => GetString("credential");

    /// <summary><c>account_login</c>: Specifies the account login string, used in cases where the user_id property specifies something other than what a user would type when they login (section 6.16.1).</summary>
    public string? AccountLogin => GetString("account_login");

    /// <summary><c>account_type</c>: Specifies the type of the account (section 6.16.1).</summary>
    public string? AccountType => GetString("account_type");

    /// <summary><c>display_name</c>: Specifies the display name of the account, to be shown in user interfaces, if applicable (section 6.16.1).</summary>
    public string? DisplayName => GetString("display_name");

    /// <summary><c>is_service_account</c>: Indicates that the account is associated with a network service or system process (daemon), not a specific individual (section 6.16.1).</summary>
    public bool? IsServiceAccount => GetBoolean("is_service_account");

    /// <summary><c>is_privileged</c>: Specifies that the account has elevated privileges (i.e., in the case of root on Unix or the Windows Administrator account) (section 6.16.1).</summary>
    public bool? IsPrivileged => GetBoolean("is_privileged");

    /// <summary><c>can_escalate_privs</c>: Specifies that the account has the ability to escalate privileges (i.e., in the case of sudo on Unix or a Windows Domain Admin account (section 6.16.1).</summary>
    public bool? CanEscalatePrivs => GetBoolean("can_escalate_privs");

    /// <summary><c>is_disabled</c>: Specifies if the account is disabled (section 6.16.1).</summary>
    public bool? IsDisabled => GetBoolean("is_disabled");

    /// <summary><c>account_created</c>: Specifies when the account was created (section 6.16.1).</summary>
    public StixTimestamp? AccountCreated => GetTimestamp("account_created");

    /// <summary><c>account_expires</c>: Specifies the expiration date of the account (section 6.16.1).</summary>
    public StixTimestamp? AccountExpires => GetTimestamp("account_expires");

    /// <summary><c>credential_last_changed</c>: Specifies when the account credential was last changed (section 6.16.1).</summary>
    public StixTimestamp? CredentialLastChanged => GetTimestamp("credential_last_changed");

    /// <summary><c>account_first_login</c>: Specifies when the account was first accessed (section 6.16.1).</summary>
    public StixTimestamp? AccountFirstLogin => GetTimestamp("account_first_login");

    /// <summary><c>account_last_login</c>: Specifies when the account was last accessed (section 6.16.1).</summary>
    public StixTimestamp? AccountLastLogin => GetTimestamp("account_last_login");

    /// <summary>The <c>unix-account-ext</c> extension, when present (section 6.16.2).</summary>
    public UnixAccountExtension? UnixAccountExtension => GetExtension(UnixAccountExtension.ExtensionName, e => new UnixAccountExtension(e));
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Sharing.Audit;

/// <summary>The channels an entry's <c>channel</c> names. Other values are allowed; these are the ones Concord writes.</summary>
public static class AuditChannels
{
    /// <summary>The TAXII 2.1 server.</summary>
    public const string Taxii = "taxii";

    /// <summary>An export (<c>concord export</c>).</summary>
    public const string Export = "export";

    /// <summary>The web console.</summary>
    public const string Console = "console";

    /// <summary>Federation with a peer node.</summary>
    public const string Federation = "federation";

    /// <summary>The <c>concord</c> command line.</summary>
    public const string Cli = "cli";
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;

namespace Concord.Cli;

/// <summary>The root of the <c>concord</c> command.</summary>
internal static class ConcordCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Concord: a federated threat-intelligence exchange speaking STIX 2.1 and TAXII 2.1.");
        return root;
    }
}

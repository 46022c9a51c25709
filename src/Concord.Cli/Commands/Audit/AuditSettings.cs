// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Cli.Node;
using Concord.Sharing.Audit;
using Microsoft.Extensions.Configuration;
using NSec.Cryptography;

namespace Concord.Cli.Commands.Audit;

/// <summary>Where a node keeps its audit log, and the <c>Audit:</c> configuration keys (docs/configuration.md).</summary>
internal static class AuditSettings
{
    /// <summary>The log's directory inside the data directory.</summary>
    public const string DirectoryName = "audit";

    public static string Directory(IConfiguration configuration) => Path.Combine(NodeConfiguration.DataDirectory(configuration), DirectoryName);

    /// <summary>The options of the node's log; a malformed key is an <see cref="InvalidOperationException"/> naming it.</summary>
    public static AuditLogOptions Options(IConfiguration configuration, Key signingKey, string nodeId)
    {
        var entries = NodeConfiguration.Number(configuration, "Audit:CheckpointEntries", 1000);
        if (entries < 1)
        {
            throw new InvalidOperationException("Configuration key Audit:CheckpointEntries must be at least 1, not 0.");
        }

        return new AuditLogOptions
        {
            Directory = Directory(configuration),
            SigningKey = signingKey,
            NodeId = nodeId,
            CheckpointEntries = (int)entries,
            CheckpointInterval = TimeSpan.FromSeconds(NodeConfiguration.Number(configuration, "Audit:CheckpointSeconds", 60)),
        };
    }
}

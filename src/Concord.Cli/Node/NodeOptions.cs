// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using Concord.Storage;
using Microsoft.Extensions.Configuration;

namespace Concord.Cli.Node;

/// <summary>The <c>--data</c> option shared by every node command, and opening the node's store.</summary>
internal static class NodeOptions
{
    public static Option<string?> Data() => new("--data")
    {
        Description = $"The data directory (default: CONCORD_DATA, the Data key of appsettings.json, or ./{NodeConfiguration.DefaultDataDirectory}).",
    };

    public static IConfiguration Configuration(ParseResult parse, Option<string?> data, IReadOnlyDictionary<string, string?>? flags = null) =>
        NodeConfiguration.Build(parse.GetValue(data), flags ?? new Dictionary<string, string?>());

    /// <summary>Opens the configured store of an initialised data directory; null (after a message) when it is not initialised or cannot be opened.</summary>
    public static Task<IConcordStore?> OpenInitialisedAsync(IConfiguration configuration, CliEnvironment environment, string command, CancellationToken cancellationToken)
    {
        var directory = NodeConfiguration.DataDirectory(configuration);
        if (!NodeIdentity.Exists(directory))
        {
            environment.Error.WriteLine($"concord {command}: {directory} is not an initialised data directory; run 'concord init --data {directory}' first.");
            return Task.FromResult<IConcordStore?>(null);
        }

        return StoreFactory.OpenAsync(configuration, environment, command, cancellationToken);
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using Concord.Cli.Node;
using Microsoft.Extensions.Configuration;

namespace Concord.Cli.Commands.Init;

/// <summary><c>concord init</c>: creates a data directory with the node identity, an administrator, a default API root and collection.</summary>
internal static class InitCommand
{
    public const string DefaultOrganization = "node";

    public static Command Create(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var organization = new Option<string>("--org") { Description = "The name of the node's own organization.", DefaultValueFactory = _ => DefaultOrganization };
        var command = new Command("init", "Create a data directory: node identity and Ed25519 key, the administrator 'admin' (password printed once, or CONCORD_ADMIN_PASSWORD), the default API root and collection.")
        {
            data, organization,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = NodeOptions.Configuration(parse, data);
            return await InitializeAsync(configuration, parse.GetValue(organization)!, environment, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    public static async Task<int> InitializeAsync(IConfiguration configuration, string organization, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var dataDirectory = NodeConfiguration.DataDirectory(configuration);
        Directory.CreateDirectory(dataDirectory);
        var store = await StoreFactory.OpenAsync(configuration, environment, "init", cancellationToken).ConfigureAwait(false);
        if (store is null)
        {
            return ExitCodes.InputError;
        }

        await using (store.ConfigureAwait(false))
        {
            return await NodeInitializer.RunAsync(store, dataDirectory, organization, environment.Out, environment.Error, cancellationToken).ConfigureAwait(false);
        }
    }
}

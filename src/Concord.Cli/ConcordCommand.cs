// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using Concord.Cli.Commands.Agreement;
using Concord.Cli.Commands.Collection;
using Concord.Cli.Commands.Detect;
using Concord.Cli.Commands.Group;
using Concord.Cli.Commands.Init;
using Concord.Cli.Commands.Match;
using Concord.Cli.Commands.Org;
using Concord.Cli.Commands.Serve;
using Concord.Cli.Commands.Token;
using Concord.Cli.Commands.User;
using Concord.Cli.Commands.Validate;

namespace Concord.Cli;

/// <summary>The root of the <c>concord</c> command.</summary>
internal static class ConcordCommand
{
    public static RootCommand Create(CliEnvironment environment)
    {
        var root = new RootCommand("Concord: a federated threat-intelligence exchange speaking STIX 2.1 and TAXII 2.1.")
        {
            ValidateCommand.Create(environment),
            MatchCommand.Create(environment),
            InitCommand.Create(environment),
            ServeCommand.Create(environment),
            OrgCommand.Create(environment),
            UserCommand.Create(environment),
            TokenCommand.Create(environment),
            CollectionCommand.Create(environment),
            DetectCommand.Create(environment),
            GroupCommand.Create(environment),
            AgreementCommand.Create(environment),
            Commands.Audit.AuditCommand.Create(environment),
            Commands.Peer.PeerCommand.Create(environment),
        };
        return root;
    }

    /// <summary>Runs the command line; usage errors exit with <see cref="ExitCodes.InputError"/>.</summary>
    public static int Run(string[] args, CliEnvironment environment)
    {
        var parseResult = Create(environment).Parse(args);
        var configuration = new InvocationConfiguration { Output = environment.Out, Error = environment.Error };
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                environment.Error.WriteLine($"concord: {error.Message}");
            }

            environment.Error.WriteLine("Run 'concord --help' for usage.");
            return ExitCodes.InputError;
        }

        return parseResult.Invoke(configuration);
    }
}

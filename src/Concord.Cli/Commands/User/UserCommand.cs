// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using Concord.Cli.Commands.Audit;
using Concord.Cli.Node;
using Concord.Sharing.Audit;
using Concord.Storage;
using Concord.Taxii.Server.Accounts;

namespace Concord.Cli.Commands.User;

/// <summary><c>concord user add --org ORG NAME [--password-stdin]</c>: a user who signs in with HTTP Basic.</summary>
internal static class UserCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var organization = new Option<string>("--org") { Description = "The user's organization.", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input (otherwise one is generated and printed once)." };
        var name = new Argument<string>("name") { Description = "The login name (no colon)." };
        var add = new Command("add", "Add a user to an organization.") { data, organization, passwordStdin, name };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var userName = parse.GetValue(name)!;
            if (userName.Length == 0 || userName.Contains(':', StringComparison.Ordinal))
            {
                environment.Error.WriteLine("concord user add: a user name must be non-empty and contain no colon (HTTP Basic, RFC 7617).");
                return ExitCodes.InputError;
            }

            string password;
            var generated = !parse.GetValue(passwordStdin);
            if (generated)
            {
                password = PasswordHashing.GeneratePassword();
            }
            else
            {
                using var reader = new StreamReader(environment.OpenInput());
                password = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
                if (password.Length < 12)
                {
                    environment.Error.WriteLine("concord user add: the password on standard input must be at least 12 characters.");
                    return ExitCodes.InputError;
                }
            }

            var configuration = NodeOptions.Configuration(parse, data);
            using var store = await NodeOptions.OpenInitialisedAsync(configuration, environment, "user add", cancellationToken).ConfigureAwait(false);
            if (store is null)
            {
                return ExitCodes.InputError;
            }

            var org = await store.FindOrganizationAsync(parse.GetValue(organization)!, cancellationToken).ConfigureAwait(false);
            if (org is null)
            {
                environment.Error.WriteLine($"concord user add: there is no organization '{parse.GetValue(organization)}'; add it with 'concord org add'.");
                return ExitCodes.InputError;
            }

            try
            {
                var user = await store.CreateUserAsync(org.Id, userName, PasswordHashing.Hash(password), cancellationToken).ConfigureAwait(false);
                environment.Out.WriteLine($"Added user {user.Name} to {org.Name}");
                if (generated)
                {
                    environment.Out.WriteLine($"  password: {password}    (shown once; store it now)");
                }

                var audited = await AdministrationAudit.RecordAsync(
                    configuration, environment, "user add", new AuditOrganization(org.Id, org.Name), "user added", new() { ["user"] = user.Name }, cancellationToken).ConfigureAwait(false);
                return audited ? ExitCodes.Success : ExitCodes.InputError;
            }
            catch (StorageConflictException)
            {
                environment.Error.WriteLine($"concord user add: a user named '{userName}' exists.");
                return ExitCodes.InputError;
            }
        });
        return new Command("user", "Manage users (HTTP Basic sign-in).") { add };
    }
}

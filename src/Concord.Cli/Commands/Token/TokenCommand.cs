// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using Concord.Cli.Commands.Audit;
using Concord.Cli.Node;
using Concord.Sharing.Audit;
using Concord.Storage.Accounts;
using Concord.Taxii.Server.Accounts;

namespace Concord.Cli.Commands.Token;

/// <summary><c>concord token create --user NAME</c>: an API token for Bearer authentication, printed once.</summary>
internal static class TokenCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var user = new Option<string>("--user") { Description = "The user the token acts for (with the user's organization).", Required = true };
        var label = new Option<string?>("--name") { Description = "A label for the token (default: the user name and the date)." };
        var days = new Option<int?>("--expires-days") { Description = "Days until the token expires (default: never)." };
        var create = new Command("create", "Create an API token; it is printed once and only its SHA-256 is stored.") { data, user, label, days };
        create.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(days) is <= 0)
            {
                environment.Error.WriteLine("concord token create: --expires-days must be positive.");
                return ExitCodes.InputError;
            }

            var configuration = NodeOptions.Configuration(parse, data);
            using var store = await NodeOptions.OpenInitialisedAsync(configuration, environment, "token create", cancellationToken).ConfigureAwait(false);
            if (store is null)
            {
                return ExitCodes.InputError;
            }

            var owner = await store.FindUserAsync(parse.GetValue(user)!, cancellationToken).ConfigureAwait(false);
            if (owner is null)
            {
                environment.Error.WriteLine($"concord token create: there is no user '{parse.GetValue(user)}'.");
                return ExitCodes.InputError;
            }

            var now = DateTimeOffset.UtcNow;
            var (token, hash) = ApiTokens.Create();
            var name = parse.GetValue(label) ?? $"{owner.Name} {now:yyyy-MM-dd}";
            await store.CreateApiTokenAsync(new ApiToken(Guid.NewGuid(), owner.OrganizationId, name, hash, now)
            {
                UserId = owner.Id,
                ExpiresAt = parse.GetValue(days) is { } d ? now.AddDays(d) : null,
            }, cancellationToken).ConfigureAwait(false);
            environment.Out.WriteLine(token);
            environment.Error.WriteLine("The token is shown once; send it as 'Authorization: Bearer <token>'.");
            var organization = await store.GetOrganizationAsync(owner.OrganizationId, cancellationToken).ConfigureAwait(false);
            var audited = await AdministrationAudit.RecordAsync(
                configuration,
                environment,
                "token create",
                organization is null ? null : new AuditOrganization(organization.Id, organization.Name),
                "API token created",
                new() { ["user"] = owner.Name, ["token"] = name, ["expires_days"] = parse.GetValue(days) },
                cancellationToken).ConfigureAwait(false);
            return audited ? ExitCodes.Success : ExitCodes.InputError;
        });
        return new Command("token", "Manage API tokens (Bearer authentication).") { create };
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using System.Globalization;
using Concord.Cli.Commands.Group;
using Concord.Cli.Node;
using Concord.Sharing.Administration;
using Concord.Sharing.Audit;

namespace Concord.Cli.Commands.Agreement;

/// <summary>
/// <c>concord agreement add|list|show|revoke</c>: who may receive what from whom. Every field of an agreement has a flag;
/// every change is recorded in the audit log.
/// </summary>
internal static class AgreementCommand
{
    public static Command Create(CliEnvironment environment) =>
        new("agreement", "Manage sharing agreements: parties, TLP levels, object types, personal data, retention, validity and direction.")
        {
            Add(environment),
            List(environment),
            Show(environment),
            Revoke(environment),
        };

    private static Command Add(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var name = new Argument<string>("name") { Description = "The agreement's name, unique on the node." };
        var description = new Option<string?>("--description") { Description = "What the agreement is for." };
        var party = new Option<string[]>("--party") { Description = "A party: org:NAME or group:NAME (repeat; at least two).", Required = true, AllowMultipleArgumentsPerToken = false };
        var direction = new Option<string>("--direction") { Description = "mutual (every party shares with the others) or one-way (only --provider shares).", DefaultValueFactory = _ => "mutual" };
        var provider = new Option<string?>("--provider") { Description = "The disclosing party of a one-way agreement: org:NAME or group:NAME." };
        var tlp = new Option<string>("--tlp") { Description = "The TLP levels covered, separated by commas: clear, green, amber, amber+strict, red.", Required = true };
        var types = new Option<string?>("--types") { Description = "The STIX types covered, separated by commas (default: every type)." };
        var exclude = new Option<string?>("--exclude-types") { Description = "STIX types never covered, separated by commas." };
        var personal = new Option<string[]>("--personal-data") { Description = "A personal-data category the parties may receive, with its legal basis: CATEGORY=BASIS (repeat). Categories: individual, email-address, user-account, phone-number." };
        var retention = new Option<int?>("--retention-days") { Description = "How many days a recipient may keep what it receives." };
        var from = new Option<string?>("--valid-from") { Description = "When the agreement comes into force (ISO 8601, default: now)." };
        var until = new Option<string?>("--valid-until") { Description = "When it ends (ISO 8601, default: never)." };
        var command = new Command("add", "Record an agreement.") { data, name, description, party, direction, provider, tlp, types, exclude, personal, retention, from, until };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var problems = new List<string>();
            var personalData = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in parse.GetValue(personal) ?? [])
            {
                var equals = item.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    problems.Add($"--personal-data '{item}' is not CATEGORY=LEGAL-BASIS.");
                }
                else
                {
                    personalData[item[..equals]] = item[(equals + 1)..];
                }
            }

            var validFrom = Instant(parse.GetValue(from), "--valid-from", problems);
            var validUntil = Instant(parse.GetValue(until), "--valid-until", problems);
            if (problems.Count > 0)
            {
                environment.Error.WriteLine("concord agreement add: " + string.Join(" ", problems));
                return ExitCodes.InputError;
            }

            var request = new AgreementRequest
            {
                Name = parse.GetValue(name),
                Description = parse.GetValue(description),
                Parties = parse.GetValue(party) ?? [],
                Direction = parse.GetValue(direction),
                Provider = parse.GetValue(provider),
                Tlp = List(parse.GetValue(tlp)),
                Types = List(parse.GetValue(types)),
                ExcludeTypes = List(parse.GetValue(exclude)),
                PersonalData = personalData,
                RetentionDays = parse.GetValue(retention),
                ValidFrom = validFrom,
                ValidUntil = validUntil,
            };
            return await SharingCli.RunAsync(parse, data, environment, "agreement add", async admin =>
            {
                var added = await admin.AddAgreementAsync(request, SharingCli.Operator, AuditChannels.Cli, cancellationToken).ConfigureAwait(false);
                environment.Out.WriteLine($"Added agreement {added.Name} ({added.Id:D}), {added.Status}");
                return ExitCodes.Success;
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static Command List(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var json = SharingCli.Json();
        var command = new Command("list", "List the agreements, revoked and expired ones included.") { data, json };
        command.SetAction((parse, cancellationToken) => SharingCli.RunAsync(parse, data, environment, "agreement list", async admin =>
        {
            var agreements = await admin.ListAgreementsAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                SharingCli.WriteJson(environment, agreements, SharingJsonContext.Default.IReadOnlyListAgreementView);
                return ExitCodes.Success;
            }

            foreach (var each in agreements)
            {
                environment.Out.WriteLine($"{each.Id:D}  {each.Name}  [{each.Status}]  {string.Join(" + ", each.Parties.Select(SharingCli.Describe))}  TLP {string.Join(",", each.Tlp)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var json = SharingCli.Json();
        var name = new Argument<string>("agreement") { Description = "The agreement's name or id." };
        var command = new Command("show", "Show every field of an agreement.") { data, name, json };
        command.SetAction((parse, cancellationToken) => SharingCli.RunAsync(parse, data, environment, "agreement show", async admin =>
        {
            var shown = await admin.GetAgreementAsync(parse.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                SharingCli.WriteJson(environment, shown, SharingJsonContext.Default.AgreementView);
                return ExitCodes.Success;
            }

            var output = environment.Out;
            output.WriteLine($"{shown.Name} ({shown.Id:D})");
            output.WriteLine($"  status:        {shown.Status}");
            if (shown.Description is { } text)
            {
                output.WriteLine($"  description:   {text}");
            }

            output.WriteLine($"  parties:       {string.Join(", ", shown.Parties.Select(SharingCli.Describe))}");
            output.WriteLine($"  direction:     {shown.Direction}{(shown.Provider is { } p ? " from " + SharingCli.Describe(p) : string.Empty)}");
            output.WriteLine($"  tlp:           {string.Join(", ", shown.Tlp)}");
            output.WriteLine($"  types:         {(shown.Types.Count == 0 ? "(every type)" : string.Join(", ", shown.Types))}");
            output.WriteLine($"  excluded:      {(shown.ExcludeTypes.Count == 0 ? "(none)" : string.Join(", ", shown.ExcludeTypes))}");
            output.WriteLine($"  personal data: {(shown.PersonalData.Count == 0 ? "(none)" : string.Join("; ", shown.PersonalData.Select(pd => $"{pd.Key} ({pd.Value})")))}");
            output.WriteLine($"  retention:     {(shown.RetentionDays is { } days ? days.ToString(CultureInfo.InvariantCulture) + " days" : "(none)")}");
            output.WriteLine($"  valid:         {Format(shown.ValidFrom)} to {(shown.ValidUntil is { } end ? Format(end) : "(no end)")}");
            if (shown.RevokedAt is { } revoked)
            {
                output.WriteLine($"  revoked:       {Format(revoked)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Revoke(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var name = new Argument<string>("agreement") { Description = "The agreement's name or id." };
        var command = new Command("revoke", "Revoke an agreement now; it stays listed as revoked.") { data, name };
        command.SetAction((parse, cancellationToken) => SharingCli.RunAsync(parse, data, environment, "agreement revoke", async admin =>
        {
            var revoked = await admin.RevokeAgreementAsync(parse.GetValue(name)!, SharingCli.Operator, AuditChannels.Cli, cancellationToken).ConfigureAwait(false);
            environment.Out.WriteLine($"Revoked agreement {revoked.Name} at {Format(revoked.RevokedAt!.Value)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string[] List(string? commaSeparated) =>
        commaSeparated is null ? [] : commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static DateTimeOffset? Instant(string? text, string option, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        problems.Add($"{option} '{text}' is not an ISO 8601 date or time.");
        return null;
    }

    private static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using System.Globalization;
using Concord.Cli.Node;
using Concord.Sharing.Audit;
using NSec.Cryptography;

namespace Concord.Cli.Commands.Audit;

/// <summary>
/// <c>concord audit verify</c> (exit 0 valid, 1 tampered, naming the first bad entry) and <c>concord audit show</c>
/// (entries filtered by object, organization, time and kind). docs/audit.md describes the log.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(CliEnvironment environment) =>
        new("audit", "Verify and read the node's hash-chained audit log.") { Verify(environment), Show(environment) };

    private static Command Verify(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var publicKey = new Option<string?>("--public-key")
        {
            Description = $"The node's Ed25519 public key, PEM (default: {NodeIdentity.PublicKeyFile} in the data directory).",
        };
        var command = new Command("verify", "Check every hash, the chain, the sequence and every checkpoint signature; exit 1 naming the first bad entry.") { data, publicKey };
        command.SetAction(parse =>
        {
            var configuration = NodeOptions.Configuration(parse, data);
            var directory = AuditSettings.Directory(configuration);
            var keyFile = parse.GetValue(publicKey) ?? Path.Combine(NodeConfiguration.DataDirectory(configuration), NodeIdentity.PublicKeyFile);
            PublicKey key;
            try
            {
                key = PublicKey.Import(SignatureAlgorithm.Ed25519, File.ReadAllBytes(keyFile), KeyBlobFormat.PkixPublicKeyText);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"concord audit verify: the public key {keyFile} cannot be read: {e.Message}");
                return ExitCodes.InputError;
            }
            catch (FormatException)
            {
                environment.Error.WriteLine($"concord audit verify: {keyFile} is not an Ed25519 public key in PEM (-----BEGIN PUBLIC KEY-----).");
                return ExitCodes.InputError;
            }

            AuditVerification result;
            try
            {
                result = AuditLogVerifier.Verify(directory, key);
            }
            catch (AuditLogException e)
            {
                environment.Error.WriteLine($"concord audit verify: {e.Message}");
                return ExitCodes.InputError;
            }

            var log = Path.Combine(directory, AuditLog.LogFileName);
            if (result.Violation is { } violation)
            {
                environment.Out.WriteLine($"{log}: INVALID");
                environment.Out.WriteLine($"  {violation}");
                environment.Out.WriteLine(result.Entries == 0
                    ? "  no entry before it verified"
                    : string.Create(CultureInfo.InvariantCulture, $"  entries 1 to {result.Entries} before it verified"));
                return ExitCodes.Negative;
            }

            var last = result.LastEntry!;
            var checkpoint = result.LastCheckpoint!;
            environment.Out.WriteLine($"{log}: valid");
            environment.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  entries:         {result.Entries} (seq 1 to {last.Seq}), last at {Time(last.Time)}"));
            environment.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  last checkpoint: seq {checkpoint.Seq} at {Time(checkpoint.Time)}, hash {checkpoint.Hash}"));
            environment.Out.WriteLine(result.UnsignedTail == 0
                ? "  unsigned tail:   none"
                : string.Create(CultureInfo.InvariantCulture, $"  unsigned tail:   {result.UnsignedTail} entries after seq {checkpoint.Seq} are chained but not yet signed (a running node signs them at its next checkpoint)"));
            if (result.Recoveries > 0)
            {
                environment.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  recoveries:      {result.Recoveries} torn last line(s) cut off after crashes (see 'concord audit show --kind recovery')"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliEnvironment environment)
    {
        var data = NodeOptions.Data();
        var objectId = new Option<string?>("--object") { Description = "Only entries naming this STIX object id." };
        var organization = new Option<string?>("--org") { Description = "Only entries concerning this organization (name or id)." };
        var since = new Option<string?>("--since") { Description = "Only entries written at or after this time (ISO 8601, e.g. 2026-01-31T12:00:00Z)." };
        var until = new Option<string?>("--until") { Description = "Only entries written before this time." };
        var kind = new Option<string?>("--kind") { Description = $"Only entries of these kinds, separated by commas: {string.Join(", ", AuditEntryKinds.All)}." };
        var json = new Option<bool>("--json") { Description = "Print each entry as stored: one JSON object per line." };
        var command = new Command("show", "List audit entries, oldest first; exit 1 when none matches. Does not verify (use 'concord audit verify').")
        {
            data, objectId, organization, since, until, kind, json,
        };
        command.SetAction(parse =>
        {
            AuditFilter filter;
            try
            {
                filter = AuditFilter.Create(parse.GetValue(objectId), parse.GetValue(organization), parse.GetValue(since), parse.GetValue(until), parse.GetValue(kind));
            }
            catch (FormatException e)
            {
                environment.Error.WriteLine($"concord audit show: {e.Message}");
                return ExitCodes.InputError;
            }

            var directory = AuditSettings.Directory(NodeOptions.Configuration(parse, data));
            var shown = 0;
            try
            {
                foreach (var line in AuditLogReader.ReadLines(directory).Where(l => filter.Matches(l.Entry)))
                {
                    environment.Out.WriteLine(parse.GetValue(json) ? line.Json : Describe(line.Entry, parse.GetValue(objectId)));
                    shown++;
                }
            }
            catch (AuditLogException e)
            {
                environment.Error.WriteLine($"concord audit show: {e.Message}");
                return ExitCodes.InputError;
            }

            return shown > 0 ? ExitCodes.Success : ExitCodes.Negative;
        });
        return command;
    }

    private static string Describe(AuditEntry entry, string? objectId)
    {
        var objects = objectId is null ? entry.Objects : entry.Objects.Where(o => o.Id == objectId).ToList();
        var listed = string.Join(' ', objects.Take(3).Select(o => o.Version is null ? o.Id : $"{o.Id}@{o.Version}"));
        var more = objects.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $" (+{objects.Count - 3} more)") : string.Empty;
        var fields = new[]
        {
            entry.Seq.ToString(CultureInfo.InvariantCulture),
            Time(entry.Time),
            entry.Kind.ToName(),
            entry.Organization is { } o ? $"org={o.Name}" : null,
            entry.Actor is { } a ? $"actor={a.Type.ToName()}:{a.Name}" : null,
            entry.Channel is { } c ? $"channel={c}" : null,
            objects.Count > 0 ? $"objects={listed}{more}" : null,
            entry.Reason is { } r ? $"reason={r}" : null,
        };
        return string.Join("  ", fields.Where(f => f is not null));
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.CommandLine;
using Concord.Stix.Validation;

namespace Concord.Cli.Commands.Validate;

/// <summary><c>concord validate</c>: STIX 2.1 validation of files, standard input or a JSON-lines batch.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Files to validate (a bundle, one object, or a JSON array of objects); - reads standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Write the report as JSON." };
        var warnings = new Option<bool>("--warnings") { Description = "List every warning, not only their number." };
        var batch = new Option<string?>("--batch")
        {
            Description = "Validate a JSON-lines file whose lines are {\"id\": ..., \"object\": {...}}; writes one verdict line per input line.",
        };
        var strict = new Option<bool>("--reject-custom") { Description = "Treat deprecated custom properties, objects and extensions (section 11) as errors." };
        var command = new Command("validate", "Validate STIX 2.1 content against every MUST of the specification (errors) and its SHOULDs (warnings).")
        {
            files, json, warnings, batch, strict,
        };
        command.SetAction(parse =>
        {
            var validator = new StixValidator(ValidatorFactory.Options(parse.GetValue(strict)));
            var batchFile = parse.GetValue(batch);
            var inputs = parse.GetValue(files) ?? [];
            if (batchFile is not null)
            {
                return BatchValidation.Run(batchFile, validator, environment);
            }

            if (inputs.Length == 0)
            {
                environment.Error.WriteLine("concord validate: name at least one file, - for standard input, or --batch FILE.jsonl.");
                return ExitCodes.InputError;
            }

            using var report = parse.GetValue(json) ? (IValidationOutput)new JsonValidationOutput(environment.Out) : new TextValidationOutput(environment.Out, parse.GetValue(warnings));
            var exit = FileValidation.Run(inputs, validator, report, environment);
            report.Complete();
            return exit;
        });
        return command;
    }
}

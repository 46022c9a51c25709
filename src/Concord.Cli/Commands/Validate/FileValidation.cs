// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix.Json;
using Concord.Stix.Validation;

namespace Concord.Cli.Commands.Validate;

/// <summary>Validates whole files (or standard input) object by object, streaming, so memory stays bounded.</summary>
internal static class FileValidation
{
    public static int Run(IReadOnlyList<string> inputs, StixValidator validator, IValidationOutput output, CliEnvironment environment)
    {
        var exit = ExitCodes.Success;
        foreach (var input in inputs)
        {
            var verdict = RunOne(input, validator, output, environment);
            exit = Math.Max(exit, verdict);
        }

        return exit;
    }

    private static int RunOne(string input, StixValidator validator, IValidationOutput output, CliEnvironment environment)
    {
        output.BeginFile(input);
        Stream stream;
        try
        {
            stream = environment.Open(input);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.InputError(input, new StixFormatException(input, 1, 1, $"cannot read: {e.Message}"));
            return ExitCodes.InputError;
        }

        var objects = 0;
        var valid = true;
        try
        {
            using var reader = new StixStreamReader(stream, input);
            foreach (var (document, path) in reader.ReadObjects())
            {
                using (document)
                {
                    var report = validator.ValidateObject(document.RootElement, path);
                    objects++;
                    valid &= report.IsValid;
                    if (report.Findings.Count > 0)
                    {
                        output.Findings(report.Findings);
                    }
                }
            }

            if (reader.Header is { } header)
            {
                // The bundle's own properties, or a single object read whole.
                var report = validator.Validate(header);
                objects += reader.IsBundle ? 0 : 1;
                valid &= report.IsValid;
                if (report.Findings.Count > 0)
                {
                    output.Findings(report.Findings);
                }
            }
        }
        catch (StixFormatException e)
        {
            output.InputError(input, e);
            return ExitCodes.InputError;
        }
        catch (IOException e)
        {
            output.InputError(input, new StixFormatException(input, 1, 1, $"cannot read: {e.Message}"));
            return ExitCodes.InputError;
        }

        output.EndFile(input, objects, valid);
        return valid ? ExitCodes.Success : ExitCodes.Negative;
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix.Json;
using Concord.Stix.Validation;

namespace Concord.Cli.Commands.Validate;

/// <summary>The readable report: every error, warnings counted (or listed with --warnings), a verdict per file.</summary>
internal sealed class TextValidationOutput(TextWriter output, bool listWarnings) : IValidationOutput
{
    private int errors;
    private int warnings;

    public void BeginFile(string file)
    {
        errors = 0;
        warnings = 0;
    }

    public void Findings(IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (finding.Severity == Severity.Error)
            {
                errors++;
            }
            else
            {
                warnings++;
                if (!listWarnings)
                {
                    continue;
                }
            }

            output.WriteLine($"  {finding}");
        }
    }

    public void EndFile(string file, int objects, bool valid)
    {
        var verdict = valid ? "valid" : "INVALID";
        var hint = warnings > 0 && !listWarnings ? " (--warnings lists them)" : string.Empty;
        output.WriteLine($"{file}: {verdict}: {objects} object{(objects == 1 ? string.Empty : "s")}, {errors} error{(errors == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")}{hint}");
    }

    public void InputError(string file, StixFormatException error) => output.WriteLine($"{error.Message}");

    public void Complete() => output.Flush();

    public void Dispose()
    {
    }
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Stix.Json;
using Concord.Stix.Validation;

namespace Concord.Cli.Commands.Validate;

/// <summary>Where the verdicts of <c>concord validate</c> go, file by file, as they are found.</summary>
internal interface IValidationOutput : IDisposable
{
    void BeginFile(string file);

    void Findings(IReadOnlyList<Finding> findings);

    void EndFile(string file, int objects, bool valid);

    void InputError(string file, StixFormatException error);

    void Complete();
}

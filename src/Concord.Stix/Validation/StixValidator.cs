// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Stix.Validation.Internal;

namespace Concord.Stix.Validation;

/// <summary>
/// Validates STIX 2.1 content against every MUST and MUST NOT of the specification (errors) and
/// its SHOULDs and deprecations (warnings). Each finding names its rule id, the object id and the
/// JSON path.
/// </summary>
/// <remarks>Thread-safe: one validator can check many documents concurrently.</remarks>
public sealed class StixValidator
{
    private readonly StixValidatorOptions options;
    private readonly MessageCache messages = new();

    /// <summary>Creates a validator.</summary>
    /// <param name="options">The settings; <see cref="StixValidatorOptions.Default"/> when null.</param>
    public StixValidator(StixValidatorOptions? options = null) => this.options = options ?? StixValidatorOptions.Default;

    /// <summary>The settings.</summary>
    public StixValidatorOptions Options => options;

    /// <summary>Validates a document: a bundle, a single object, or a JSON array of objects.</summary>
    /// <param name="document">The parsed JSON.</param>
    public ValidationReport Validate(JsonElement document)
    {
        var sink = new ValidationSink();
        Validate(document, JsonPaths.Root, sink);
        return ReportOf(sink);
    }

    /// <summary>Validates one object (or bundle) whose findings are reported under <paramref name="path"/>.</summary>
    /// <param name="element">The object.</param>
    /// <param name="path">The JSON path of the object in its document, e.g. <c>$.objects[3]</c>.</param>
    public ValidationReport ValidateObject(JsonElement element, string path = JsonPaths.Root)
    {
        var sink = new ValidationSink();
        new ObjectChecker(sink, options, messages).CheckTopLevel(element, path);
        return ReportOf(sink);
    }

    private void Validate(JsonElement document, string path, ValidationSink sink)
    {
        var checker = new ObjectChecker(sink, options, messages);
        if (document.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in document.EnumerateArray())
            {
                checker.CheckTopLevel(item, path, null, index++);
            }

            return;
        }

        checker.CheckTopLevel(document, path);
        if (IsBundle(document) && document.TryGetProperty("objects", out var objects) && objects.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in objects.EnumerateArray())
            {
                checker.CheckTopLevel(item, path, "objects", index++);
            }
        }
    }

    private static ValidationReport ReportOf(ValidationSink sink) =>
        sink.Findings.Count == 0 ? ValidationReport.Clean : new ValidationReport(sink.Findings);

    internal static bool IsBundle(JsonElement document) =>
        document.ValueKind == JsonValueKind.Object && document.TryGetProperty("type", out var type)
        && type.ValueKind == JsonValueKind.String && type.ValueEquals("bundle");
}

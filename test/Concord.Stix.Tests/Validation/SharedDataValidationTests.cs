// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Testing;
using Concord.Stix.Validation;

namespace Concord.Stix.Tests.Validation;

public sealed class SharedDataValidationTests
{
    public static TheoryData<string> AttackFiles => SharedData.Files("attack");

    public static TheoryData<string> ExampleFiles => SharedData.Files("stix-examples");

    [SharedDataTheory]
    [MemberData(nameof(AttackFiles))]
    public void Every_object_of_the_attack_bundles_validates_without_errors(string file) => AssertValid("attack", file);

    [SharedDataTheory]
    [MemberData(nameof(ExampleFiles))]
    public void Every_object_of_the_oasis_examples_validates_without_errors(string file) => AssertValid("stix-examples", file);

    private static void AssertValid(string folder, string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(SharedData.PathOf("data", folder, file)));
        var report = new StixValidator().Validate(document.RootElement);
        Assert.True(report.IsValid, string.Join(Environment.NewLine, report.Errors.Take(20)));
    }
}

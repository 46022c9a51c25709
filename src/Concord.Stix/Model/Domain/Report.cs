// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Domain;

/// <summary>A Report: a collection of threat intelligence focused on one or more topics (section 4.16.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class Report(JsonElement json) : DomainObject(json)
{
    /// <summary>The STIX type name, <c>report</c> (section 4.16.1).</summary>
    public const string TypeName = "report";

    /// <summary><c>name</c> (required): A name or characterizing text used to identify the Report (section 4.16.1).</summary>
    public string? Name => GetString("name");

    /// <summary><c>description</c>: A description that provides more details and context about the Report, potentially including its purpose and its key characteristics (section 4.16.1).</summary>
    public string? Description => GetString("description");

    /// <summary><c>report_types</c>: The primary type(s) of content found in this report (section 4.16.1).</summary>
    public IReadOnlyList<string> ReportTypes => GetStrings("report_types");

    /// <summary><c>published</c> (required): The date that this Report object was officially published by the creator of this report (section 4.16.1).</summary>
    public StixTimestamp? Published => GetTimestamp("published");

    /// <summary><c>object_refs</c> (required): Specifies the STIX Objects that are referred to by this Report (section 4.16.1).</summary>
    public IReadOnlyList<string> ObjectRefs => GetStrings("object_refs");
}

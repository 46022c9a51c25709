// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>An email MIME component: one part of a multipart email body (section 6.6.2).</summary>
/// <param name="json">The JSON object.</param>
public sealed class EmailMimePart(JsonElement json) : StixElement(json)
{
    /// <summary><c>body</c>: Specifies the contents of the MIME part if the content_type is not provided or starts with text/ (e.g., in the case of plain text or HTML email) (section 6.6.2).</summary>
    public string? Body => GetString("body");

    /// <summary>The <c>body_raw_ref</c> property (section 6.6.2).</summary>
    public string? BodyRawRef => GetString("body_raw_ref");

    /// <summary><c>content_type</c>: Specifies the value of the "Content-Type" header field of the MIME part (section 6.6.2).</summary>
    public string? ContentType => GetString("content_type");

    /// <summary><c>content_disposition</c>: Specifies the value of the "Content-Disposition" header field of the MIME part (section 6.6.2).</summary>
    public string? ContentDisposition => GetString("content_disposition");
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Extensions;

/// <summary>The HTTP Request extension (<c>http-request-ext</c>) of network traffic (section 6.12.2).</summary>
/// <param name="json">The JSON object.</param>
public sealed class HttpRequestExtension(JsonElement json) : StixElement(json)
{
    /// <summary>The key of this extension in an <c>extensions</c> dictionary (section 6.12.2).</summary>
    public const string ExtensionName = "http-request-ext";

    /// <summary><c>request_method</c> (required): Specifies the HTTP method portion of the HTTP request line, as a lowercase string (section 6.12.2).</summary>
    public string? RequestMethod => GetString("request_method");

    /// <summary><c>request_value</c> (required): Specifies the value (typically a resource path) portion of the HTTP request line (section 6.12.2).</summary>
    public string? RequestValue => GetString("request_value");

    /// <summary><c>request_version</c>: Specifies the HTTP version portion of the HTTP request line, as a lowercase string (section 6.12.2).</summary>
    public string? RequestVersion => GetString("request_version");

    /// <summary><c>request_header</c>: Specifies all of the HTTP header fields that may be found in the HTTP client request, as a dictionary (section 6.12.2).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RequestHeader => GetStringListDictionary("request_header");

    /// <summary><c>message_body_length</c>: Specifies the length of the HTTP message body, if included, in bytes (section 6.12.2).</summary>
    public long? MessageBodyLength => GetInt64("message_body_length");

    /// <summary><c>message_body_data_ref</c>: Specifies the data contained in the HTTP message body, if included (section 6.12.2).</summary>
    public string? MessageBodyDataRef => GetString("message_body_data_ref");
}

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using Concord.Taxii.Resources;

namespace Concord.Taxii.Tests.Support;

internal static class Assertions
{
    /// <summary>Asserts a 4xx TAXII error response: status, content type, and an error resource whose http_status matches.</summary>
    public static async Task<TaxiiError> TaxiiErrorAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
        AssertTaxiiContentType(response);
        var error = JsonSerializer.Deserialize(body, TaxiiJsonContext.Default.TaxiiError);
        Assert.NotNull(error);
        Assert.False(string.IsNullOrEmpty(error.Title));
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.HttpStatus);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
        return error;
    }

    /// <summary>Asserts the TAXII 2.1 media type with its version parameter (HttpClient re-formats the header, so parts are compared).</summary>
    public static void AssertTaxiiContentType(HttpResponseMessage response)
    {
        var contentType = response.Content.Headers.ContentType;
        Assert.NotNull(contentType);
        Assert.Equal("application/taxii+json", contentType.MediaType);
        Assert.Equal("2.1", Assert.Single(contentType.Parameters, p => p.Name == "version").Value);
        Assert.True(TaxiiMediaTypes.IsTaxii21ContentType(contentType.ToString()));
    }

    public static async Task<JsonDocument> TaxiiJsonAsync(HttpResponseMessage response, int status = 200)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
        AssertTaxiiContentType(response);
        return JsonDocument.Parse(body);
    }
}

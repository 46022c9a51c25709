// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Net.Http.Headers;
using Concord.Taxii;

namespace Concord.Benchmarks.Taxii;

/// <summary>
/// The lean client of the read benchmarks: GET objects pages over raw HttpClient, each body received whole into one reused
/// buffer (a byte array per 624 KB page would land on the large object heap and make the client's gen-2 collections part of
/// the server's figure), reading only the envelope's leading <c>more</c> and <c>next</c> (the server writes them before
/// <c>objects</c>), without parsing the objects.
/// </summary>
internal sealed class TaxiiRawPages(HttpClient http, string token)
{
    private byte[] body = new byte[1 << 20];

    /// <summary>Pages through <paramref name="objects"/> (an objects URL with its query, without <c>next</c>) and returns the bytes received.</summary>
    public async Task<long> ReadAllAsync(string objects)
    {
        var bytes = 0L;
        string? next = null;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(objects + (next is null ? string.Empty : "&next=" + Uri.EscapeDataString(next))));
            request.Headers.Accept.ParseAdd(TaxiiMediaTypes.Taxii21);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var length = 0;
            await using (var stream = await response.Content.ReadAsStreamAsync())
            {
                int read;
                while ((read = await stream.ReadAsync(body.AsMemory(length))) > 0)
                {
                    length += read;
                    if (length == body.Length)
                    {
                        Array.Resize(ref body, body.Length * 2);
                    }
                }
            }

            bytes += length;
            next = LeadingNext(body.AsSpan(0, length));
            if (next is null)
            {
                return bytes;
            }
        }
    }

    private static string? LeadingNext(ReadOnlySpan<byte> body)
    {
        var reader = new System.Text.Json.Utf8JsonReader(body);
        reader.Read();
        while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("objects"u8))
            {
                return null;
            }

            var isNext = reader.ValueTextEquals("next"u8);
            reader.Read();
            if (isNext)
            {
                return reader.GetString();
            }
        }

        return null;
    }
}

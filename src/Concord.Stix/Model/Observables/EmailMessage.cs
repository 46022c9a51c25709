// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Observables;

/// <summary>An Email Message: an email message compliant with IETF RFC 5322 (section 6.6.1).</summary>
/// <param name="json">The JSON object.</param>
public sealed class EmailMessage(JsonElement json) : CyberObservable(json)
{
    /// <summary>The STIX type name, <c>email-message</c> (section 6.6.1).</summary>
    public const string TypeName = "email-message";

    /// <summary><c>is_multipart</c> (required): Indicates whether the email body contains multiple MIME parts (section 6.6.1).</summary>
    public bool? IsMultipart => GetBoolean("is_multipart");

    /// <summary><c>date</c>: Specifies the date/time that the email message was sent (section 6.6.1).</summary>
    public StixTimestamp? Date => GetTimestamp("date");

    /// <summary><c>content_type</c>: Specifies the value of the "Content-Type" header of the email message (section 6.6.1).</summary>
    public string? ContentType => GetString("content_type");

    /// <summary><c>from_ref</c>: Specifies the value of the "From:" header of the email message (section 6.6.1).</summary>
    public string? FromRef => GetString("from_ref");

    /// <summary><c>sender_ref</c>: Specifies the value of the "Sender" field of the email message (section 6.6.1).</summary>
    public string? SenderRef => GetString("sender_ref");

    /// <summary><c>to_refs</c>: Specifies the mailboxes that are "To:" recipients of the email message (section 6.6.1).</summary>
    public IReadOnlyList<string> ToRefs => GetStrings("to_refs");

    /// <summary><c>cc_refs</c>: Specifies the mailboxes that are "CC:" recipients of the email message (section 6.6.1).</summary>
    public IReadOnlyList<string> CcRefs => GetStrings("cc_refs");

    /// <summary><c>bcc_refs</c>: Specifies the mailboxes that are "BCC:" recipients of the email message (section 6.6.1).</summary>
    public IReadOnlyList<string> BccRefs => GetStrings("bcc_refs");

    /// <summary><c>message_id</c>: Specifies the Message-ID field of the email message (section 6.6.1).</summary>
    public string? MessageId => GetString("message_id");

    /// <summary><c>subject</c>: Specifies the subject of the email message (section 6.6.1).</summary>
    public string? Subject => GetString("subject");

    /// <summary><c>received_lines</c>: Specifies one or more "Received" header fields that may be included in the email headers (section 6.6.1).</summary>
    public IReadOnlyList<string> ReceivedLines => GetStrings("received_lines");

    /// <summary>The <c>additional_header_fields</c> property (section 6.6.1).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AdditionalHeaderFields => GetStringListDictionary("additional_header_fields");

    /// <summary><c>body</c>: Specifies a string containing the email body (section 6.6.1).</summary>
    public string? Body => GetString("body");

    /// <summary><c>body_multipart</c>: Specifies a list of the MIME parts that make up the email body (section 6.6.1).</summary>
    public IReadOnlyList<EmailMimePart> BodyMultipart => GetObjects("body_multipart", e => new EmailMimePart(e));

    /// <summary><c>raw_email_ref</c>: Specifies the raw binary contents of the email message, including both the headers and body, as a reference to an Artifact object (section 6.6.1).</summary>
    public string? RawEmailRef => GetString("raw_email_ref");
}

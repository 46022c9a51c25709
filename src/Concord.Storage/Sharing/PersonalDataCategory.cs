// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage.Sharing;

/// <summary>
/// The categories of person-identifying data the personal-data guard detects (DESIGN principle 3). An agreement
/// may allow a category across an organization boundary, with a stated legal basis (<see cref="PersonalDataPermission"/>).
/// </summary>
public enum PersonalDataCategory
{
    /// <summary>A STIX <c>identity</c> object with <c>identity_class</c> <c>individual</c> (STIX 2.1 section 4.5).</summary>
    Individual = 0,

    /// <summary>An <c>email-addr</c> object (STIX 2.1 section 6.5), or an e-mail address in a free-text property.</summary>
    EmailAddress = 1,

    /// <summary>A <c>user-account</c> object (STIX 2.1 section 6.16).</summary>
    UserAccount = 2,

    /// <summary>A telephone number in a free-text property.</summary>
    PhoneNumber = 3,
}

/// <summary>An agreement's permission to disclose one personal-data category, and the legal basis it rests on.</summary>
/// <param name="Category">The category.</param>
/// <param name="LegalBasis">The stated legal basis (for example "GDPR Art. 6(1)(e), CSIRT mandate"); never empty.</param>
public sealed record PersonalDataPermission(PersonalDataCategory Category, string LegalBasis);

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

namespace Concord.Storage;

/// <summary>The store refused an operation because of the data it holds (not an I/O failure).</summary>
public class StorageException : Exception
{
    /// <summary>Creates an exception.</summary>
    public StorageException()
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message.</param>
    public StorageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A name, alias, id or token hash that must be unique is already taken.</summary>
public class StorageConflictException : StorageException
{
    /// <summary>Creates an exception.</summary>
    public StorageConflictException()
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message.</param>
    public StorageConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>An operation named a collection, organization, user or token that does not exist.</summary>
public class StorageNotFoundException : StorageException
{
    /// <summary>Creates an exception.</summary>
    public StorageNotFoundException()
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message.</param>
    public StorageNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StorageNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

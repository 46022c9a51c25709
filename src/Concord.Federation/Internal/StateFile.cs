// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Concord.Federation.Internal;

/// <summary>A peer's state file (pull or push): read whole, replaced atomically.</summary>
internal static class StateFile
{
    /// <summary>Reads a state; a new one when the file does not exist yet.</summary>
    /// <exception cref="FederationException">The file is not valid.</exception>
    public static T Load<T>(string path, string peer, JsonTypeInfo<T> type)
        where T : new()
    {
        if (!File.Exists(path))
        {
            return new T();
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), type) ?? new T();
        }
        catch (JsonException e)
        {
            throw new FederationException(peer, path, $"the state file is not valid: {e.Message}");
        }
    }

    public static void Save<T>(string path, T state, JsonTypeInfo<T> type) => AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(state, type));
}

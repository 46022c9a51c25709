// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json;

namespace Concord.Stix.Model.Extensions;

/// <summary>The Raster Image File extension (<c>raster-image-ext</c>) of a file (section 6.7.5).</summary>
/// <param name="json">The JSON object.</param>
public sealed class RasterImageExtension(JsonElement json) : StixElement(json)
{
    /// <summary>The key of this extension in an <c>extensions</c> dictionary (section 6.7.5).</summary>
    public const string ExtensionName = "raster-image-ext";

    /// <summary><c>image_height</c>: Specifies the height of the image in the image file, in pixels (section 6.7.5).</summary>
    public long? ImageHeight => GetInt64("image_height");

    /// <summary><c>image_width</c>: Specifies the width of the image in the image file, in pixels (section 6.7.5).</summary>
    public long? ImageWidth => GetInt64("image_width");

    /// <summary>The <c>bits_per_pixel</c> property (section 6.7.5).</summary>
    public long? BitsPerPixel => GetInt64("bits_per_pixel");

    /// <summary><c>exif_tags</c>: Specifies the set of EXIF tags found in the image file, as a dictionary (section 6.7.5).</summary>
    public IReadOnlyDictionary<string, JsonElement> ExifTags => GetDictionary("exif_tags");
}

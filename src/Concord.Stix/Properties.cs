// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Runtime.CompilerServices;

// The validator decodes strings into stack buffers on every value; zeroing them first is wasted work.
[module: SkipLocalsInit]

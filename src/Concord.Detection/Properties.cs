// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using System.Runtime.CompilerServices;

// Every property value an observation carries is decoded into a stack buffer; zeroing it first is wasted work.
[module: SkipLocalsInit]

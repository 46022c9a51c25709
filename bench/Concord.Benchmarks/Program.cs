// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using BenchmarkDotNet.Running;
using Concord.Benchmarks.Detection;

if (args.Length > 0 && args[0] == "detection-throughput")
{
    return DetectionThroughput.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

// Copyright (c) Concord contributors. Licensed under the Apache License, Version 2.0.

using Concord.Cli;

return ConcordCommand.Run(args, CliEnvironment.System);

#!/usr/bin/env bash
# Validates a generated 100 MB STIX bundle with `concord validate` and reports the peak memory
# (maximum resident set size) and the time, next to `cat` of the same file as the baseline read.
# Usage: bench/scripts/large-bundle.sh [megabytes]
set -euo pipefail
cd "$(dirname "$0")/../.."
megabytes=${1:-100}
file=$(mktemp --suffix=.json)
trap 'rm -f "$file"' EXIT

# Indicators with distinct ids and patterns, written until the file reaches the size asked for.
awk -v target=$((megabytes * 1024 * 1024)) 'BEGIN {
  printf "{\"type\": \"bundle\", \"id\": \"bundle--cf20f99b-3ed2-4a9f-b4f1-d660a7fc8241\", \"objects\": [";
  size = 0; n = 0;
  while (size < target) {
    line = sprintf("%s{\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": \"indicator--%08x-1234-4567-89ab-cdef01234567\", \"created\": \"2024-01-01T00:00:00.000Z\", \"modified\": \"2024-01-01T00:00:00.000Z\", \"name\": \"generated %d\", \"description\": \"A generated indicator for the large-bundle measurement.\", \"indicator_types\": [\"malicious-activity\"], \"pattern\": \"[ipv4-addr:value = '\''198.51.%d.%d'\'']\", \"pattern_type\": \"stix\", \"valid_from\": \"2024-01-01T00:00:00Z\"}", (n ? "," : ""), n, n, n % 256, int(n / 256) % 256);
    printf "%s", line; size += length(line); n++;
  }
  printf "]}\n";
}' > "$file"

dotnet build src/Concord.Cli -c Release -v quiet -nologo > /dev/null
echo "file: $(du -h "$file" | cut -f1)"
/usr/bin/time -f "cat (baseline read): %e s, peak RSS %M KB" cat "$file" > /dev/null
/usr/bin/time -f "concord validate: %e s, peak RSS %M KB" dotnet src/Concord.Cli/bin/Release/net10.0/concord.dll validate "$file"

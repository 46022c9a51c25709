#!/usr/bin/env bash
# Detection engine throughput: the benchmark workload (equality on ipv4/domain/url/file hashes, IN,
# CIDR, LIKE, MATCHES, ~5% multi-observation) over OBSERVATIONS observations, for 1,000, 10,000 and
# 100,000 indicators, each in its own process; prints observations/s of the engine next to parsing the
# same lines with System.Text.Json only (same process, same run), and the process's peak working set.
# Usage: bench/scripts/detection.sh [observations] [indicator counts...]
set -euo pipefail
cd "$(dirname "$0")/../.."
observations=${1:-1000000}
shift || true
counts=("$@")
if [ ${#counts[@]} -eq 0 ]; then counts=(1000 10000 100000); fi
dotnet build bench/Concord.Benchmarks -c Release -v quiet -nologo > /dev/null
for n in "${counts[@]}"; do
  dotnet bench/Concord.Benchmarks/bin/Release/net10.0/Concord.Benchmarks.dll detection-throughput "$n" "$observations"
done

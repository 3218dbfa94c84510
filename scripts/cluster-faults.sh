#!/usr/bin/env bash
# The long fault-injection run of the bagging cluster (docs/bagging.md, "Members that die"):
# ROUNDS rounds (default 60) of ClusterFaultsTest, cycling through every fault at random moments.
#   scripts/cluster-faults.sh [ROUNDS] [SEED]
# The summary is printed and written to examples/target/cluster-faults.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-60}"
seed="${2:-7}"
mvn -B -q -pl examples -am test -Dtest=ClusterFaultsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dlamina.cluster.faults.rounds="$rounds" -Dlamina.cluster.faults.seed="$seed"
cat examples/target/cluster-faults.txt

#!/usr/bin/env bash
# Measures the ballot server under load on this machine (docs/performance.md): a fresh board for the 60-selection
# benchmark election on a loopback port, 16 kiosks posting pre-encrypted ballots. Run from the repository root
# after `mvn -q -B -DskipTests package`. The generator is given the server's process id and reports the server's
# CPU time (user + system of all its threads, /proc/PID/stat through ProcessHandle) per accepted ballot, measured
# around the posting phase only, beside the throughput.
set -euo pipefail
KIOSKS=${1:-16}
PER_KIOSK=${2:-40}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
echo "benchmark passphrase" > "$work/pass"
java -cp benchmarks/target/benchmarks.jar org.evote.bench.BenchElection "$work/election.json"
java -jar ballot-server/target/ballot-server.jar init --election "$work/election.json" --data "$work/data" \
  --board-passphrase-file "$work/pass" --admin-passphrase-file "$work/pass" > /dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java ${SERVER_JAVA_OPTS:-} -jar ballot-server/target/ballot-server.jar serve --plain-http --data "$work/data" --port "$port" \
  --board-passphrase-file "$work/pass" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/status" > /dev/null && break; sleep 0.2; done
java -jar ballot-server/target/ballot-server.jar admin open-polls --server "http://127.0.0.1:$port" \
  --credentials "$work/data/admin.credentials" --admin-passphrase-file "$work/pass" > /dev/null
java -cp benchmarks/target/benchmarks.jar org.evote.bench.BoardLoadGenerator "http://127.0.0.1:$port" \
  "$work/election.json" "$work/data/admin.credentials" "$work/pass" "$KIOSKS" "$PER_KIOSK" "$server"

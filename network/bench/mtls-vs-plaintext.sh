#!/usr/bin/env bash
# The cost of mutual TLS, side by side in one run: for each round, a fresh 4-validator tlnet network with mTLS (the
# default) and one with --plaintext, alternating, each measured with the same two `tl bench` commands:
#   open loop:   latency at 300 tx/s offered (p50, p99)
#   closed loop: throughput with 32 concurrent callers, batches of 100
# Prints one line per network and the medians per mode. Build first: dotnet build TrustLedger.sln -c Release.
# Usage: network/bench/mtls-vs-plaintext.sh [rounds=3] [base-port=7300]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-3}"; base="${2:-7300}"
TLNET=(dotnet network/TrustLedger.Network/bin/Release/net10.0/tlnet.dll)
TL=(dotnet sdk/TrustLedger.Cli/bin/Release/net10.0/tl.dll)
export TL_KEY_PASSWORD=dev
results=$(mktemp)

run() { # mode: tls | plaintext
  local mode="$1" dir; dir=$(mktemp -d /tmp/tl-bench-XXXX)
  local up=(); [[ "$mode" == plaintext ]] && up=(--plaintext)
  "${TLNET[@]}" up --dir "$dir" --nodes 4 --base-port "$base" "${up[@]}" >/dev/null
  local scheme=https tls=(); [[ "$mode" == plaintext ]] && scheme=http
  [[ "$mode" == tls ]] && tls=(--tls-cert "$dir/nodes/node1/client.crt" --tls-key "$dir/nodes/node1/client.key" --ca "$dir/ca-bundle.crt")
  local nodes="" i; for i in 1 2 3 4; do nodes+="${nodes:+,}$scheme://127.0.0.1:$((base + i))"; done
  local key="$dir/nodes/node1/client.key.json" load; load=$(cut -d' ' -f1 /proc/loadavg)
  local open closed
  open=$("${TL[@]}" bench --node "$nodes" --key "$key" "${tls[@]}" --count 6000 --rate 300 --batch 10 --json)
  closed=$("${TL[@]}" bench --node "$nodes" --key "$key" "${tls[@]}" --count 30000 --concurrency 32 --batch 100 --json)
  "${TLNET[@]}" down --dir "$dir" >/dev/null
  rm -rf "$dir"
  python3 - "$mode" "$load" "$open" "$closed" >>"$results" <<'PY'
import json, sys
mode, load, o, c = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
def get(d, *names):
    for n in names:
        if n in d: return d[n]
    raise KeyError(f"none of {names} in {sorted(d)}")
print(json.dumps({"mode": mode, "load": load,
    "p50": get(o, "p50SubmitToCommitMs"), "p99": get(o, "p99SubmitToCommitMs"),
    "tps": get(c, "committedTx/s")}))
PY
  tail -1 "$results"
}

for ((r = 1; r <= rounds; r++)); do run tls; run plaintext; done
python3 - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
med = {m: {k: statistics.median(float(r[k]) for r in rows if r["mode"] == m) for k in ("p50", "p99", "tps")} for m in ("tls", "plaintext")}
for m, v in med.items(): print(f"median {m:9} p50 {v['p50']:.0f} ms  p99 {v['p99']:.0f} ms  closed loop {v['tps']:.0f} tx/s")
t, p = med["tls"], med["plaintext"]
print(f"mTLS / plaintext: closed-loop throughput {t['tps'] / p['tps']:.2f}, p99 at 300 tx/s {t['p99'] / p['p99']:.2f}")
PY

#!/usr/bin/env bash
# Waymark against the Mermaid CLI on the same Mermaid journeys: whole-process wall time
# and peak memory of
#     waymark export X.mmd -o X.png      (a release build)
#     mmdc -i X.mmd -o X.png             (@mermaid-js/mermaid-cli with Debian's chromium)
# for a 20-task and a 500-task journey, RUNS runs each (default 5); prints the medians
# and ratios as the Markdown table of the README.
#
# Usage: cargo build --release && scripts/bench_mermaid.sh [RUNS]
# Needs /usr/bin/time (GNU time), mmdc on the PATH and /usr/bin/chromium. Writes only in
# a temporary folder, which it removes (set KEEP=1 to keep it and look at the images).
#
# Peak memory: GNU time's maximum resident set size of the process. mmdc starts a
# headless Chromium of several processes, so for it the peak is the largest sum of the
# resident sizes of its whole process tree, sampled every 20 ms (at least GNU time's
# figure for the node process alone).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
waymark=${WAYMARK:-${CARGO_TARGET_DIR:-target}/release/waymark}
[ -x "$waymark" ] || { echo "no release build at $waymark: cargo build --release"; exit 1; }
command -v mmdc >/dev/null || { echo "mmdc missing: PUPPETEER_SKIP_DOWNLOAD=1 npm i -g @mermaid-js/mermaid-cli"; exit 1; }
work=$(mktemp -d)
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$work"' EXIT
echo '{"executablePath":"/usr/bin/chromium","args":["--no-sandbox","--disable-gpu"]}' >"$work/puppeteer.json"

# A journey of $1 tasks, $2 tasks per section, three actors taking turns.
generate() {
    local tasks=$1 per=$2 i
    echo "journey"
    echo "    title Broadband from first search to a fixed fault ($tasks tasks)"
    for ((i = 0; i < tasks; i++)); do
        if ((i % per == 0)); then echo "    section Stage $((i / per + 1))"; fi
        local actors="Customer"
        ((i % 3 == 1)) && actors="Customer, Agent"
        ((i % 3 == 2)) && actors="Engineer, Customer, Agent"
        echo "      Step $((i + 1)) compare plans and read reviews: $((i * 7 % 5 + 1)): $actors"
    done
}
generate 20 5 >"$work/t20.mmd"
generate 500 20 >"$work/t500.mmd"

# Runs a command; prints "seconds kilobytes" (wall time, peak memory of its process tree).
measure() {
    local out=$work/time.txt
    local start end peak=0 rss
    start=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$out" "$@" >/dev/null 2>&1 &
    local root=$!
    while kill -0 "$root" 2>/dev/null; do
        rss=$(ps -eo pid=,ppid=,rss= | awk -v root="$root" '
            { parent[$1] = $2; rss[$1] = $3 }
            END {
                for (p in parent) {
                    q = p
                    while (q != "" && q != root && q != 1 && q != 0) q = parent[q]
                    if (q == root) sum += rss[p]
                }
                print sum + 0
            }')
        ((rss > peak)) && peak=$rss
        sleep 0.02
    done
    wait "$root"
    end=$(date +%s.%N)
    local own
    own=$(cat "$out")
    ((own > peak)) && peak=$own
    echo "$(echo "$end - $start" | bc -l) $peak"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "| Journey | Tool | Wall time (median of $runs) | Peak memory (median) |"
echo "| --- | --- | ---: | ---: |"
for name in t20 t500; do
    tasks=${name#t}
    : >"$work/w.txt"
    : >"$work/m.txt"
    for ((r = 0; r < runs; r++)); do
        measure "$waymark" export "$work/$name.mmd" -o "$work/$name-waymark.png" >>"$work/w.txt"
        measure mmdc -p "$work/puppeteer.json" -q -i "$work/$name.mmd" -o "$work/$name-mmdc.png" >>"$work/m.txt"
    done
    wt=$(cut -d' ' -f1 <"$work/w.txt" | median)
    wm=$(cut -d' ' -f2 <"$work/w.txt" | median)
    mt=$(cut -d' ' -f1 <"$work/m.txt" | median)
    mm=$(cut -d' ' -f2 <"$work/m.txt" | median)
    printf '| %s tasks | waymark | %.3f s | %.0f MiB |\n' "$tasks" "$wt" "$(echo "$wm / 1024" | bc -l)"
    printf '| %s tasks | mmdc | %.3f s | %.0f MiB |\n' "$tasks" "$mt" "$(echo "$mm / 1024" | bc -l)"
    printf '| %s tasks | ratio | **%.0fx faster** | **%.1fx less memory** |\n' "$tasks" \
        "$(echo "$mt / $wt" | bc -l)" "$(echo "$mm / $wm" | bc -l)"
done
if [ "${KEEP:-}" = 1 ]; then echo "images in $work"; fi

#!/usr/bin/env bash
# Waymark against the Mermaid CLI on the same Mermaid journeys: whole-process wall time
# and peak memory of
#     waymark export X.mmd -o X.png      (a release build)
#     mmdc -i X.mmd -o X.png             (@mermaid-js/mermaid-cli with Debian's chromium)
# for a 20-task and a 500-task journey, RUNS runs each (default 5), alternating; prints
# the medians and ratios as the Markdown table of the README.
#
# Usage: cargo build --release && scripts/bench_mermaid.sh [RUNS]
# Needs /usr/bin/time (GNU time), mmdc on the PATH and /usr/bin/chromium. Writes only in
# a temporary folder, which it removes (set KEEP=1 to keep it and look at the images).
#
# Peak memory, two ways: GNU time's maximum resident set size (RSS) of the largest single
# process, and the peak proportional set size (PSS: shared pages divided among the
# processes sharing them) summed over the whole process tree, sampled every 20 ms from
# /proc/PID/smaps_rollup. mmdc starts a headless Chromium of several processes, so the
# second is its real footprint; for waymark (one process) both are about the same.
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

# Runs a command twice; prints "seconds rss_kb pss_kb": the wall time and GNU time's peak
# RSS of the largest process from a first, unobserved run, and the peak PSS summed over
# the process tree from a second run sampled every 20 ms. (Sampling costs CPU: on a
# 2-core machine it would slow down the very run it times.)
measure() {
    local out=$work/time.txt
    local peak=0 pss
    settle
    # Bash's own clock (no `date` processes around the run, which cost milliseconds).
    local TIMEFORMAT=%R
    { time /usr/bin/time -f '%M' -o "$out" "$@" >/dev/null 2>&1; } 2>"$work/wall.txt"
    local rss wall
    rss=$(cat "$out")
    wall=$(cat "$work/wall.txt")
    settle
    "$@" >/dev/null 2>&1 &
    local root=$!
    while kill -0 "$root" 2>/dev/null; do
        pss=0
        for pid in $root $(ps -eo pid=,ppid= | awk -v root="$root" '
            { parent[$1] = $2 }
            END {
                for (p in parent) {
                    q = parent[p]
                    while (q != "" && q != root && q != 1 && q != 0) q = parent[q]
                    if (q == root) print p
                }
            }'); do
            kb=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || true)
            pss=$((pss + ${kb:-0}))
        done
        ((pss > peak)) && peak=$pss
        sleep 0.02
    done
    wait "$root" || true
    echo "$wall $rss $peak"
}

# Waits (at most 10 s) until the Chromium processes of the last mmdc run have exited:
# Chromium tears down for a second or two after mmdc returns, and a run timed meanwhile
# (of either tool) would share the CPUs with it.
settle() {
    local i
    for ((i = 0; i < 100; i++)); do
        pgrep -f 'chromium|chrome_crashpad' >/dev/null || return 0
        sleep 0.1
    done
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "| Journey | Tool | Wall time | Peak RSS, largest process | Peak PSS, whole process tree |"
echo "| --- | --- | ---: | ---: | ---: |"
for name in t20 t500; do
    tasks=${name#t}
    : >"$work/w.txt"
    : >"$work/m.txt"
    for ((r = 0; r < runs; r++)); do
        measure "$waymark" export "$work/$name.mmd" -o "$work/$name-waymark.png" >>"$work/w.txt"
        measure mmdc -p "$work/puppeteer.json" -q -i "$work/$name.mmd" -o "$work/$name-mmdc.png" >>"$work/m.txt"
    done
    for tool in waymark mmdc; do
        f=$work/${tool:0:1}.txt
        t=$(cut -d' ' -f1 <"$f" | median)
        r=$(cut -d' ' -f2 <"$f" | median)
        p=$(cut -d' ' -f3 <"$f" | median)
        printf '| %s tasks | %s | %.3f s | %.0f MiB | %.0f MiB |\n' "$tasks" "$tool" "$t" \
            "$(echo "$r / 1024" | bc -l)" "$(echo "$p / 1024" | bc -l)"
        eval "${tool}_t=$t ${tool}_r=$r ${tool}_p=$p"
    done
    # shellcheck disable=SC2154 # set by the eval above
    printf '| %s tasks | mmdc / waymark | **%.1fx** | **%.1fx** | **%.1fx** |\n' "$tasks" \
        "$(echo "$mmdc_t / $waymark_t" | bc -l)" "$(echo "$mmdc_r / $waymark_r" | bc -l)" \
        "$(echo "$mmdc_p / $waymark_p" | bc -l)"
done
if [ "${KEEP:-}" = 1 ]; then echo "images in $work"; fi

#!/usr/bin/env bash
# Builds and runs ebmatch's libFuzzer targets. See docs/fuzzing.md.
#
#   Tests/Fuzz/run.sh build [TARGET...]        compile targets (default: all) into $FUZZ_DIR/bin
#   Tests/Fuzz/run.sh seed                     write seed corpora from the conformance files
#   Tests/Fuzz/run.sh run TARGET [FLAG...]     fuzz TARGET; FLAGs go to libFuzzer (-runs=N, -max_total_time=S,
#                                              -jobs=N) and override the defaults (-max_len=1024, -timeout=10)
#   Tests/Fuzz/run.sh repro TARGET FILE...     run TARGET once on saved inputs (a crash file, say)
#
# TARGET is json, pattern or match. Environment: FUZZ_DIR (default .build/fuzz, ignored by git),
# SHARED (default ../shared, for the conformance corpora), SWIFTC (default swiftc).
#
# The targets are not SwiftPM targets (libFuzzer needs its own main and sanitizer flags that `swift test`
# must not get): each is compiled with swiftc from the engine's sources plus its own files, as one module
# named EBMatch, so internal API is reachable without @testable.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fuzz_dir="${FUZZ_DIR:-$root/.build/fuzz}"
shared="${SHARED:-$root/../shared}"
swiftc="${SWIFTC:-swiftc}"
targets=(json pattern match)
# Swift's own crash backtracer, run inside an ASan process after a trap, reports a bogus ASan error of its
# own; libFuzzer's report (and the saved input) is what counts.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

# The files of each target besides the engine and Tests/Fuzz/Support.
target_files() {
    case "$1" in
        json) echo "$root/Tests/Fuzz/Targets/JSONFuzzTarget.swift" ;;
        pattern) echo "$root/Tests/Fuzz/Targets/PatternFuzzTarget.swift" ;;
        # The reference evaluator is test code: compiled in here, never shipped in the library.
        match) echo "$root/Tests/Fuzz/Targets/MatchFuzzTarget.swift $root/Tests/EBMatchTests/Reference/ReferenceEvaluator.swift" ;;
        *) echo "unknown target '$1' (json, pattern, match)" >&2; exit 64 ;;
    esac
}

engine_files() {
    find "$root/Sources/EBMatch" -name '*.swift' | sort
}

build() {
    mkdir -p "$fuzz_dir/bin"
    local target
    for target in "$@"; do
        local files
        files="$(target_files "$target")"
        echo "building fuzz-$target" >&2
        # shellcheck disable=SC2046,SC2086
        "$swiftc" -module-name EBMatch -parse-as-library -swift-version 6 -O -g \
            -sanitize=fuzzer,address -use-ld=lld -D EBMATCH_FUZZ \
            $(engine_files) "$root"/Tests/Fuzz/Support/*.swift $files \
            -o "$fuzz_dir/bin/fuzz-$target"
    done
}

seed() {
    mkdir -p "$fuzz_dir/bin" "$fuzz_dir/seeds/json" "$fuzz_dir/seeds/pattern" "$fuzz_dir/seeds/match"
    # shellcheck disable=SC2046
    "$swiftc" -module-name EBMatch -parse-as-library -swift-version 6 -O \
        $(engine_files) "$root/Tests/Fuzz/Seeds/SeedCorpus.swift" -o "$fuzz_dir/bin/seed-corpus"
    local sources=("$root"/Tests/EBMatchTests/Corpora/*.jsonl)
    if compgen -G "$shared/conformance/*.jsonl" >/dev/null; then
        sources+=("$shared"/conformance/*.jsonl)
    else
        echo "note: $shared/conformance not found; seeding from Tests/EBMatchTests/Corpora only" >&2
    fi
    "$fuzz_dir/bin/seed-corpus" "$fuzz_dir/seeds" "${sources[@]}"
}

run() {
    local target="$1"
    shift
    target_files "$target" >/dev/null
    [[ -x "$fuzz_dir/bin/fuzz-$target" ]] || build "$target"
    [[ -d "$fuzz_dir/seeds/$target" ]] || seed
    # The working corpus grows as the fuzzer finds new coverage; the seeds stay as extracted.
    mkdir -p "$fuzz_dir/corpus/$target" "$fuzz_dir/findings/$target"
    # Hangs (-timeout, seconds per input) and memory blow-ups (-rss_limit_mb) count as findings.
    cd "$fuzz_dir/findings/$target"
    exec "$fuzz_dir/bin/fuzz-$target" \
        -timeout=10 -rss_limit_mb=2048 -max_len=1024 -print_final_stats=1 \
        -dict="$root/Tests/Fuzz/ebmatch.dict" \
        -artifact_prefix="$fuzz_dir/findings/$target/" \
        "$@" "$fuzz_dir/corpus/$target" "$fuzz_dir/seeds/$target"
}

repro() {
    local target="$1"
    shift
    [[ -x "$fuzz_dir/bin/fuzz-$target" ]] || build "$target"
    "$fuzz_dir/bin/fuzz-$target" -timeout=10 -rss_limit_mb=2048 "$@"
}

command="${1:-}"
shift || true
case "$command" in
    build) if [[ $# -eq 0 ]]; then build "${targets[@]}"; else build "$@"; fi ;;
    seed) seed ;;
    run) [[ $# -ge 1 ]] || { echo "usage: $0 run TARGET [libFuzzer flags]" >&2; exit 64; }; run "$@" ;;
    repro) [[ $# -ge 2 ]] || { echo "usage: $0 repro TARGET FILE..." >&2; exit 64; }; repro "$@" ;;
    *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 64 ;;
esac

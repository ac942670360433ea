#!/usr/bin/env bash
# scripts/make-prompts makes every prompt of data/prompts/prompts.csv as telephone audio (8 kHz
# 8-bit mu-law: one byte a sample, so any size is whole samples), each at least 0.3 s long, the
# agents' beep exactly 0.2 s, a second run changes nothing, and the example IVR flows play only
# prompts that were made, in every language of the table.
# usage: make_prompts_test.sh SOURCE_DIR IVR_FLOW_PROMPTS
set -euo pipefail
source_dir=$1
flow_prompts=$2
csv=$source_dir/data/prompts/prompts.csv
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
size_of() { stat -c %s "$1"; }

"$source_dir/scripts/make-prompts" "$out"

count=0
languages=()
while IFS=, read -r name language _; do
  file="$out/${name}_${language}.ulaw"
  [[ -s $file ]] || fail "$name,$language: $file is missing or empty"
  size=$(size_of "$file")
  ((size >= 2400)) || fail "$name,$language: $size bytes, under 0.3 s of 8 kHz audio"
  [[ " ${languages[*]} " == *" $language "* ]] || languages+=("$language")
  count=$((count + 1))
done < <(tail -n +2 "$csv")
((count > 0)) || fail "prompts.csv has no rows"
[[ $(size_of "$out/beep.ulaw") -eq 1600 ]] || fail "beep.ulaw is not 0.2 s (1600 bytes)"

before=$(stat -c '%n %Y' "$out"/* | sort)
"$source_dir/scripts/make-prompts" "$out"
[[ $(stat -c '%n %Y' "$out"/* | sort) == "$before" ]] || fail "a second run remade prompts"

for flow in helpline survey; do
  names=$("$flow_prompts" "$source_dir/examples/ivr/$flow.json")
  [[ -n $names ]] || fail "$flow.json plays no prompts"
  for name in $names; do
    for language in "${languages[@]}"; do
      [[ -s $out/${name}_${language}.ulaw ]] ||
        fail "examples/ivr/$flow.json plays '$name', but ${name}_${language}.ulaw was not made"
    done
  done
done
echo "ok: $count prompts in ${languages[*]}, beep, example flows covered"

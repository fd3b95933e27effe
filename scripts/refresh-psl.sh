#!/usr/bin/env bash
# Refresh data/public_suffix_list.dat from the PyPI package `publicsuffixlist`,
# which ships a copy of the list published at https://publicsuffix.org/list/.
# The only network used is the PyPI registry, through pip.
#
# Usage: scripts/refresh-psl.sh [VERSION]
#   VERSION    a publicsuffixlist release to pin (default: the latest one)
# Environment:
#   PSL_WHEEL  path to an already downloaded publicsuffixlist wheel (no download)
#   PYTHON     the Python interpreter to use (default: python3)
#
# Idempotent: when the package carries the list already in data/, the .dat file
# is left byte-for-byte unchanged and PROVENANCE.md keeps its retrieval date. The script refuses a list that lacks the ICANN or
# PRIVATE section markers, since the crate relies on them.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dat="$repo_root/data/public_suffix_list.dat"
provenance="$repo_root/data/PROVENANCE.md"
python="${PYTHON:-python3}"

spec="publicsuffixlist"
if [[ $# -gt 1 ]]; then
    echo "usage: $0 [VERSION]" >&2
    exit 2
elif [[ $# -eq 1 ]]; then
    spec="publicsuffixlist==$1"
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/dl"
if [[ -n "${PSL_WHEEL:-}" ]]; then
    echo "==> using $PSL_WHEEL"
    cp -- "$PSL_WHEEL" "$tmp/dl/"
else
    echo "==> pip download $spec"
    "$python" -m pip download --quiet --disable-pip-version-check --no-deps \
        --only-binary=:all: "$spec" -d "$tmp/dl"
fi

shopt -s nullglob
wheels=("$tmp"/dl/publicsuffixlist-*.whl)
shopt -u nullglob
if [[ ${#wheels[@]} -ne 1 ]]; then
    echo "error: expected exactly one publicsuffixlist wheel, found ${#wheels[@]}" >&2
    exit 1
fi
wheel="${wheels[0]}"
# Wheel file names are NAME-VERSION-...whl (PEP 427).
pkg_version="$(basename "$wheel" | cut -d- -f2)"

"$python" - "$wheel" "$tmp/public_suffix_list.dat" <<'PY'
import sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    data = z.read("publicsuffixlist/public_suffix_list.dat")
with open(out, "wb") as f:
    f.write(data)
PY
new="$tmp/public_suffix_list.dat"

# Refuse a list without its section markers.
for marker in \
    '// ===BEGIN ICANN DOMAINS===' '// ===END ICANN DOMAINS===' \
    '// ===BEGIN PRIVATE DOMAINS===' '// ===END PRIVATE DOMAINS==='; do
    if ! grep -qxF -- "$marker" "$new"; then
        echo "error: the downloaded list lacks the marker '$marker'; data/ left unchanged" >&2
        exit 1
    fi
done

list_version="$(sed -n 's|^// VERSION: *||p' "$new" | head -n1)"
list_commit="$(sed -n 's|^// COMMIT: *||p' "$new" | head -n1)"
if [[ -z "$list_version" || -z "$list_commit" ]]; then
    echo "error: the downloaded list lacks its '// VERSION:' or '// COMMIT:' line; data/ left unchanged" >&2
    exit 1
fi

if [[ -f "$dat" ]] && cmp -s "$new" "$dat"; then
    echo "==> data/public_suffix_list.dat is already list version $list_version: unchanged"
else
    cp "$new" "$dat.tmp"
    mv "$dat.tmp" "$dat"
    echo "==> data/public_suffix_list.dat updated to list version $list_version"
fi

sha256="$(sha256sum "$dat" | cut -d' ' -f1)"
retrieved="$(date -u +%Y-%m-%d)"
# Keep the recorded retrieval date when the recorded file is the one in data/.
if [[ -f "$provenance" ]] && grep -qF -- "| SHA-256 | \`$sha256\` |" "$provenance"; then
    previous="$(sed -n 's/^| Retrieved | \(.*\) |$/\1/p' "$provenance" | head -n1)"
    retrieved="${previous:-$retrieved}"
fi

cat > "$provenance.tmp" <<MD
# Provenance of \`public_suffix_list.dat\`

| | |
|---|---|
| Upstream | The Public Suffix List, <https://publicsuffix.org/list/> |
| Obtained from | PyPI package \`publicsuffixlist\` $pkg_version (file \`publicsuffixlist/public_suffix_list.dat\` in its wheel) |
| List \`// VERSION:\` | \`$list_version\` |
| List \`// COMMIT:\` | \`$list_commit\` |
| SHA-256 | \`$sha256\` |
| Retrieved | $retrieved |
| Licence | MPL-2.0 (Mozilla Public License 2.0, <https://mozilla.org/MPL/2.0/>) |

The list is distributed under the Mozilla Public License 2.0, as its header says; it is
embedded unmodified. The rest of this crate is licensed MIT OR Apache-2.0.

## How to refresh

\`\`\`sh
scripts/refresh-psl.sh            # latest publicsuffixlist release on PyPI
scripts/refresh-psl.sh 1.1.2.20261023   # or pin a release
\`\`\`

The script downloads the wheel with \`pip download --no-deps\`, copies the list out of it,
refuses a list that lacks the \`===BEGIN/END ICANN DOMAINS===\` or
\`===BEGIN/END PRIVATE DOMAINS===\` markers, leaves the file untouched when it is already
current, and rewrites this file. Run \`cargo test --all-features\` afterwards: tests pin
behaviour that a new list may change.
MD
mv "$provenance.tmp" "$provenance"
echo "==> data/PROVENANCE.md written (sha256 $sha256)"

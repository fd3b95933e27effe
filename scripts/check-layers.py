#!/usr/bin/env python3
"""The layer check: every `crate::`/`super::` path in src/ must point down the layer table.

Run from the crate root: `python3 scripts/check-layers.py [--graph]`. It fails (exit 1) when
- a file uses a module of a higher layer, or a module of its own layer that the table does not
  list among its allowed neighbours;
- the files import each other in a circle (any cycle of the file graph, inside a folder too);
- a file's doc comment does not start by naming its layer (`//! Layer 2, values. …`).

Paths are resolved through `pub use` re-exports, so `crate::Customer` counts as a use of the file
that defines `Customer`. Unit-test modules (`#[cfg(test)] mod tests`) sit outside the layers, like
tests/, and `#[cfg(doc)]` imports (for doc links only) are not dependencies.

The table below is the only place the layers are written down; ARCHITECTURE.md explains it.
"""
import os
import re
import sys
from collections import defaultdict

# module (first path segment below the crate root) -> layer.
LAYERS = {
    "error": 1, "names": 1, "report": 1, "surface": 1,
    "host": 2, "suffix": 2, "domain": 2, "email": 2, "address": 2, "country": 2,
    "phone": 2, "language": 2, "product": 2,
    # the customer, its order (customer/order/) and eligibility (customer/eligibility.rs)
    "customer": 3,
    "form": 4, "wire": 4, "lifecycle": 4,
    "journey": 5,
    "persist": 6,
    "strategy": 7,
}
# Modules of one layer that may use each other (in the listed direction only). Everything else in
# a layer is independent of its neighbours.
SIDEWAYS = {
    ("names", "error"), ("report", "error"), ("report", "names"), ("surface", "error"),
    ("suffix", "host"), ("domain", "host"), ("domain", "suffix"), ("email", "domain"),
    ("email", "host"), ("email", "suffix"), ("address", "country"), ("phone", "country"),
    # Wire may read into lifecycle types, never the reverse.
    ("wire", "lifecycle"),
}
ROOT = "src"


def module_files():
    """Map module path tuples to files."""
    files = {}
    for dirpath, _, names in os.walk(ROOT):
        for name in names:
            if not name.endswith(".rs"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, ROOT)[:-3].split(os.sep)
            if rel == ["lib"]:
                mod = ()
            elif rel[-1] == "mod":
                mod = tuple(rel[:-1])
            else:
                mod = tuple(rel)
            files[mod] = path
    return files


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    out = []
    for line in text.splitlines():
        s = line.lstrip()
        if s.startswith("//"):
            out.append("")
            continue
        # drop string literals crudely, then line comments
        line = re.sub(r'"(?:[^"\\]|\\.)*"', '""', line)
        out.append(line.split("//")[0])
    return "\n".join(out)


def expand_use(tree):
    """`a::{b, c::{d, e}}` -> ['a::b', 'a::c::d', 'a::c::e']"""
    tree = tree.strip()
    depth = 0
    for i, ch in enumerate(tree):
        if ch == "{":
            prefix = tree[:i]
            inner = tree[i + 1 : tree.rindex("}")]
            parts, buf, d = [], "", 0
            for c in inner:
                if c == "{":
                    d += 1
                elif c == "}":
                    d -= 1
                if c == "," and d == 0:
                    parts.append(buf)
                    buf = ""
                else:
                    buf += c
            parts.append(buf)
            res = []
            for p in parts:
                if p.strip():
                    res.extend(prefix + q for q in expand_use(p))
            return res
    return [re.sub(r"\s+as\s+\w+$", "", tree)]


def strip_test_modules(text):
    """Unit-test modules sit outside the layers, like tests/: drop `#[cfg(test)] mod x { … }`."""
    out, pos = [], 0
    for m in re.finditer(r"#\[cfg\((?:test|all\(test[^\]]*)\)\]\s*mod\s+\w+\s*\{", text):
        if m.start() < pos:
            continue
        out.append(text[pos : m.start()])
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        pos = i
    out.append(text[pos:])
    return "".join(out)


def inline_depths(text):
    """For each offset, how many inline `mod x { … }` blocks enclose it (as a sorted list of
    (start, end) spans)."""
    spans, stack = [], []
    for m in re.finditer(r"\bmod\s+\w+\s*\{|\{|\}", text):
        tok = m.group(0)
        if tok == "}":
            if stack:
                kind, start = stack.pop()
                if kind:
                    spans.append((start, m.end()))
        else:
            stack.append((tok != "{", m.start()))
    return spans


def depth_at(spans, pos):
    return sum(1 for a, b in spans if a <= pos < b)


def paths_in(text, children):
    spans = inline_depths(text)
    # `#[cfg(doc)] use …;` imports names for doc links only: no code depends on them.
    text = re.sub(r"#\[cfg\(doc\)\]\s*use\s+[^;]+;", lambda m: " " * len(m.group(0)), text)
    for m in re.finditer(r"\buse\s+([^;]+);", text):
        depth = depth_at(spans, m.start())
        if re.search(r"\bpub(?:\([^)]*\))?\s+$", text[max(0, m.start() - 12) : m.start()]):
            # a re-export is resolved through REEXPORTS where it is used
            pass
        for p in expand_use(m.group(1)):
            p = re.sub(r"\s+", "", p)
            if p.split("::")[0] in children and depth == 0:
                p = "self::" + p
            yield unnest(p, depth)
    for m in re.finditer(r"(?<![:\w])((?:crate|super)(?:::\w+)+)", text):
        yield unnest(m.group(1), depth_at(spans, m.start()))


def unnest(path, depth):
    """A path inside `depth` inline modules, as seen from the file's own module: the first
    `depth` `super::` go no further than the file; a relative path stays inside it."""
    segs = path.split("::")
    if segs[0] == "crate" or depth == 0:
        return path
    while depth and segs and segs[0] == "super":
        segs = segs[1:]
        depth -= 1
    if depth and segs and segs[0] not in ("crate", "super", "self"):
        return "self::__inline__"
    return "::".join(["self"] + segs) if segs and segs[0] not in ("crate", "super", "self") else "::".join(segs)


def reexports_of(files):
    """`pub use a::b::C;` in a module: C -> its full path, so a path through a re-export
    counts as a use of the module that defines the item, not of the one that re-exports it."""
    out = {}
    for mod, path in files.items():
        text = strip_test_modules(strip_comments(open(path, encoding="utf-8").read()))
        children = {m[len(mod)] for m in files if len(m) == len(mod) + 1 and m[: len(mod)] == mod}
        table = {}
        for m in re.finditer(r"\bpub(?:\([^)]*\))?\s+use\s+([^;]+);", text):
            for item in m.group(1).split(",") if "{" not in m.group(1) else expand_use(m.group(1)):
                raw = re.sub(r"\s+", " ", item).strip()
                alias = re.search(r"\bas\s+(\w+)$", raw)
                p = re.sub(r"\s+as\s+\w+$", "", raw).replace(" ", "")
                if p.split("::")[0] in children:
                    p = "self::" + p
                name = alias.group(1) if alias else p.split("::")[-1]
                table[name] = p
        out[mod] = table
    return out


REEXPORTS = {}


def resolve(path, mod, files, depth=0):
    segs = path.split("::")
    if segs[0] == "crate":
        base, rest = [], segs[1:]
    elif segs[0] in ("super", "self"):
        base = list(mod)
        is_dir_mod = files.get(mod, "").endswith("mod.rs") or mod == ()
        rest = segs
        while rest and rest[0] in ("super", "self"):
            if rest[0] == "super":
                base = base[:-1]
            rest = rest[1:]
        del is_dir_mod
    else:
        return None
    full = base + rest
    for n in range(len(full), -1, -1):
        found = tuple(full[:n])
        if found in files:
            if n < len(full) and depth < 8:
                via = REEXPORTS.get(found, {}).get(full[n])
                if via is not None:
                    target = resolve(via, found, files, depth + 1)
                    if target is not None:
                        return target
            return found
    return None


def main():
    files = module_files()
    REEXPORTS.update(reexports_of(files))
    graph = defaultdict(set)
    errors = []
    for mod, path in sorted(files.items()):
        text = strip_test_modules(strip_comments(open(path, encoding="utf-8").read()))
        children = {m[len(mod)] for m in files if len(m) == len(mod) + 1 and m[: len(mod)] == mod}
        for p in paths_in(text, children):
            # `super::` inside an inline `mod tests` of a file refers to the file itself.
            target = resolve(p, mod, files)
            if target is None or target == mod or target == ():
                continue
            graph[mod].add(target)
            src_top, dst_top = (mod[:1] or ("lib",))[0], target[0]
            if mod == () or src_top == dst_top:
                continue
            ls, ld = LAYERS.get(src_top), LAYERS.get(dst_top)
            if ls is None or ld is None:
                errors.append(f"{path}: module {src_top if ls is None else dst_top} is not in the layer table")
                continue
            if ld > ls or (ld == ls and (src_top, dst_top) not in SIDEWAYS):
                errors.append(
                    f"{path}: `{p}` runs from {src_top} (layer {ls}) to {dst_top} (layer {ld})"
                )
    # every file's doc comment names its layer: `//! Layer N, name` (lib.rs is the root)
    for mod, path in sorted(files.items()):
        if mod == ():
            continue
        first = open(path, encoding="utf-8").readline()
        layer = LAYERS.get(mod[0])
        if not re.match(rf"//! (\*\*)?Layer {layer}, ", first):
            errors.append(f"{path}: its doc comment should start with `//! Layer {layer}, …`")
    # cycles among files
    seen, stack, onstack = set(), [], set()
    cycles = []

    def dfs(u):
        seen.add(u)
        stack.append(u)
        onstack.add(u)
        for v in sorted(graph[u]):
            if v in onstack:
                cyc = stack[stack.index(v):] + [v]
                cycles.append(" -> ".join(files[m] for m in cyc))
            elif v not in seen:
                dfs(v)
        stack.pop()
        onstack.discard(u)

    sys.setrecursionlimit(10000)
    for m in sorted(graph):
        if m not in seen:
            dfs(m)
    for c in cycles:
        errors.append("circle of imports: " + c)
    if "--graph" in sys.argv:
        for m in sorted(graph):
            print(files[m], "->", ", ".join(sorted(files[t] for t in graph[m])))
    for e in sorted(set(errors)):
        print(e)
    if errors:
        print(f"layer check: {len(set(errors))} problem(s)", file=sys.stderr)
        return 1
    print(f"layer check: {len(files)} files, {sum(len(v) for v in graph.values())} imports, no upward import, no circle")
    return 0


if __name__ == "__main__":
    sys.exit(main())

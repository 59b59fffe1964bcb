#!/usr/bin/env python3
"""Fails when an #include runs against tkt's layer order (ARCHITECTURE.md, Layers).

Every header sits beside its sources in src/<layer>/ and is included by that path, so
the folder of an include names its layer. A file may include its own layer and the
layers its own is allowed to use (LAYERS below, which ARCHITECTURE.md draws); a header
whose first line says "Internal to src/<layer>/." may be included only from there (and
by the tests and fuzz targets of that layer). Prints one line per violation,
file:line: what is wrong, and exits 1 when there is any.

With --self-test, first proves it can fail: an include run upwards and an internal
header used from outside must both be caught.
"""
import pathlib
import re
import sys

# Each layer and the layers it may use besides itself, bottom up.
LAYERS = {
    "core": set(),
    "search": {"core"},
    "store": {"core", "search"},
    "mail": {"core"},
    "templates": {"core"},
    "people": {"core"},
    "routing": {"core", "search", "store"},
    "stats": {"core", "search", "store", "routing"},
    "actions": {"core", "search", "store", "mail", "templates", "people", "routing", "stats"},
    "cli": {"core", "search", "store", "mail", "templates", "people", "routing", "stats", "actions"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
INTERNAL = re.compile(r"^// Internal to src/(\w+)/\.")


def layer_of(source_root, path):
    """The layer a file of src/ belongs to; src/main.cpp is the CLI's."""
    relative = path.relative_to(source_root)
    return relative.parts[0] if len(relative.parts) > 1 else "cli"


def internal_owner(header):
    """The layer a header is internal to, or None for a public header."""
    with open(header, encoding="utf-8") as file:
        match = INTERNAL.match(file.readline())
    return match.group(1) if match else None


def violations(root):
    root = pathlib.Path(root)
    source_root = root / "src"
    found = []
    sources = sorted(p for p in source_root.rglob("*") if p.suffix in (".cpp", ".hpp"))
    unknown = {layer_of(source_root, p) for p in sources} - LAYERS.keys()
    for folder in sorted(unknown):
        found.append(f"src/{folder}/: a folder with no place in the layer order (tests/layers/check_layers.py)")
    for path in sources:
        layer = layer_of(source_root, path)
        allowed = LAYERS.get(layer, set()) | {layer}
        text = path.read_text(encoding="utf-8")
        for match in INCLUDE.finditer(text):
            target = match.group(1)
            line = text.count("\n", 0, match.start()) + 1
            where = f"{path.relative_to(root)}:{line}"
            target_path = source_root / target
            if not target_path.is_file():
                found.append(f'{where}: "{target}" is not a header of src/ (include project headers by their path under src/)')
                continue
            target_layer = target.split("/")[0]
            if target_layer not in allowed:
                found.append(f'{where}: {layer} may not include "{target}" ({layer} uses {", ".join(sorted(allowed - {layer})) or "no other layer"})')
            owner = internal_owner(target_path)
            if owner is not None and owner != layer:
                found.append(f'{where}: "{target}" is internal to src/{owner}/')
    return found


def self_test():
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        root = pathlib.Path(scratch)
        for folder in ("core", "mail", "actions"):
            (root / "src" / folder).mkdir(parents=True)
        (root / "src/actions/tickets.hpp").write_text("#pragma once\n")
        (root / "src/mail/module.hpp").write_text("// Internal to src/mail/. The module.\n#pragma once\n")
        (root / "src/mail/inbound.hpp").write_text("#pragma once\n")
        (root / "src/core/ticket.hpp").write_text('#pragma once\n#include "actions/tickets.hpp"\n')
        (root / "src/actions/ingest.cpp").write_text('#include "mail/inbound.hpp"\n#include "mail/module.hpp"\n')
        found = violations(root)
        expected = ["src/core/ticket.hpp:2: core may not include", 'src/actions/ingest.cpp:2: "mail/module.hpp" is internal']
        if len(found) != 2 or not all(any(line.startswith(e) for line in found) for e in expected):
            print("check_layers self-test failed; it reported:", *found, sep="\n  ", file=sys.stderr)
            return False
    return True


def main(argv):
    args = [a for a in argv[1:] if a != "--self-test"]
    if "--self-test" in argv and not self_test():
        return 1
    root = args[0] if args else pathlib.Path(__file__).resolve().parents[2]
    found = violations(root)
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Assembles the seed corpus of each fuzz target into OUT/<target>/, from the
repository (test mail, shipped templates, TOML in unit tests and in `tkt init`'s
starter files, fuzz/seeds/) and, when present, the shared corpora (real-world mail,
the Mustache spec). Run at build or test time: nothing from the shared corpora is
ever copied into the repository.

    assemble_seeds.py --source REPO --out DIR [--corpora SHARED/corpora] [--limit N]

With --limit, a target keeps at most N seeds, its hand-written ones and an even
spread of the rest, so that a short fuzzing run does not spend its time on seeds.
"""
import argparse
import hashlib
import json
import pathlib
import re
import shutil
import tomllib

TARGETS = ["mail", "mustache", "toml_template", "toml_routing", "toml_sla", "toml_config", "filter", "time"]
MAX_SEED_BYTES = 1 << 20  # larger seeds are cut by -max_len anyway
NOT_MAIL = {"README.md", "LICENSE", ".gitattributes"}

# C++ raw strings: R"delim( ... )delim".
RAW_STRING = re.compile(r'R"([^(\s]{0,16})\((.*?)\)\1"', re.S)


class Corpus:
    def __init__(self, out):
        self.out = out
        self.counts = {}

    def add(self, target, name, data):
        if isinstance(data, str):
            data = data.encode()
        if len(data) > MAX_SEED_BYTES:
            return
        digest = hashlib.sha1(data).hexdigest()[:12]
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", name)[:60]
        path = self.out / target / f"{safe}-{digest}"
        path.write_bytes(data)
        self.counts[target] = self.counts.get(target, 0) + 1

    def add_files(self, target, folder, prefix, recursive=False):
        if not folder.is_dir():
            return
        files = folder.rglob("*") if recursive else folder.iterdir()
        for path in sorted(files):
            if path.is_file() and path.name not in NOT_MAIL and not path.name.endswith(".md"):
                self.add(target, f"{prefix}-{path.name}", path.read_bytes())


def raw_strings(paths):
    for path in paths:
        for match in RAW_STRING.finditer(path.read_text(encoding="utf-8")):
            yield path.stem, match.group(2)


def starter_config(text):
    """`tkt init`'s config.toml is a fmt pattern: fill its fields with a string."""
    text = re.sub(r"(?<!\{)\{(\w+)\}(?!\})", '"x"', text)
    return text.replace("{{", "{").replace("}}", "}")


def add_toml(corpus, source):
    sources = sorted((source / "tests" / "unit").glob("*.cpp")) + [source / "src" / "actions" / "init.cpp"]
    for stem, text in raw_strings(sources):
        if "[[policy]]" in text or "[[calendar]]" in text:
            corpus.add("toml_sla", stem, text)
        if "[[rule]]" in text or "[[agent]]" in text or "[default]" in text:
            corpus.add("toml_routing", stem, text)
        if "[template]" in text or "[lang." in text or "[[phrase]]" in text:
            corpus.add("toml_template", stem, text)
        if re.search(r"^\[(agent|mail|defaults|routing)\]", text, re.M):
            corpus.add("toml_config", stem, starter_config(text) if stem == "init" else text)
        # One rule's conditions, as rules_test.cpp writes them.
        if re.fullmatch(r'\w+ = .*', text.strip()) and "\n" not in text.strip():
            corpus.add("toml_routing", stem + "-rule", f'[[rule]]\nname = "r"\n{text}\nqueue = "hit"\n')
    corpus.add_files("toml_template", source / "templates", "shipped")


def mustache_seed(template, data=None, partials=None):
    parts = [template, json.dumps(data, ensure_ascii=False) if data is not None else "", ""]
    parts += [f"{name}\n{text}" for name, text in (partials or {}).items()]
    return "\0".join(parts)


def add_mustache(corpus, source, corpora):
    spec = corpora / "mustache-spec" if corpora else None
    if spec and spec.is_dir():
        for path in sorted(spec.glob("*.json")):
            for test in json.loads(path.read_text(encoding="utf-8")).get("tests", []):
                corpus.add("mustache", f"spec-{path.stem}-{test['name']}",
                           mustache_seed(test["template"], test.get("data"), test.get("partials")))
    for path in sorted((source / "templates").glob("*.toml")):
        for lang, text in tomllib.loads(path.read_text(encoding="utf-8")).get("lang", {}).items():
            corpus.add("mustache", f"shipped-{path.stem}-{lang}",
                       mustache_seed(text.get("body", ""), None, None))


def thin(folder, limit):
    """Keeps the hand-written seeds and an even spread of the others, `limit` in all."""
    files = sorted(folder.iterdir())
    hand = [path for path in files if path.name.startswith("hand-")]
    rest = [path for path in files if not path.name.startswith("hand-")]
    room = max(limit - len(hand), 0)
    if len(rest) <= room:
        return
    kept = {rest[i * len(rest) // room] for i in range(room)}
    for path in rest:
        if path not in kept:
            path.unlink()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", type=pathlib.Path, required=True)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    parser.add_argument("--corpora", type=pathlib.Path)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    corpora = args.corpora if args.corpora and args.corpora.is_dir() else None

    if args.out.exists():
        shutil.rmtree(args.out)
    for target in TARGETS:
        (args.out / target).mkdir(parents=True)
    corpus = Corpus(args.out)
    for target in TARGETS:
        corpus.add_files(target, args.source / "fuzz" / "seeds" / target, "hand")
    for folder in ["tests/e2e/mail", "tests/e2e/routes", "samples/mail/new"]:
        corpus.add_files("mail", args.source / folder, folder.split("/")[-1])
    if corpora:
        for name in ["rt", "enmime", "ruby-mail", "spamassassin"]:
            corpus.add_files("mail", corpora / name, name, recursive=True)
    add_toml(corpus, args.source)
    add_mustache(corpus, args.source, corpora)
    if args.limit:
        for target in TARGETS:
            thin(args.out / target, args.limit)
    counts = {t: len(list((args.out / t).iterdir())) for t in TARGETS}
    print("seeds: " + ", ".join(f"{t} {counts[t]}" for t in TARGETS))


if __name__ == "__main__":
    main()

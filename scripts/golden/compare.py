#!/usr/bin/env python3
"""Compare a run of scripts/golden/run-jobs.sh with the golden outputs.

    scripts/golden/compare.py GOLDEN_DIR OUTDIR            # exit 0: all equal; 1: a difference
    scripts/golden/compare.py --update GOLDEN_DIR OUTDIR   # (re)write GOLDEN_DIR from OUTDIR

GOLDEN_DIR holds, per job folder, the outputs worth keeping in normalized form (see
normalize_* below). A golden file `X.gz` is `X` gzip-compressed (large files); a golden file
`X.sha256` holds the SHA-256 of the normalized `X` (outputs too large to keep at all). Every
golden file must have its output in OUTDIR, except in the jobs that run-jobs.sh skipped
(OUTDIR/_skipped.txt: no local models, no shared data), which are reported as skipped.

What is normalized, on both sides, and nothing else:
  - the run's start and finish times: JSON keys `started_at` / `finished_at`, and any ISO-8601
    UTC timestamp in text (report.md "started …, finished …", JUnit `timestamp`);
  - timings: the values (not the phase names) of every JSON `timings` object, the numbers of
    report.md's "Timings:" line, diff.md's "in 1.2 s" and JUnit `time` attributes;
  - the tool version: `version` of the object whose `tool` is "plaudit" (manifests, shard.json),
    and "plaudit X.Y.Z" in text;
  - paths that depend on where the run happened: OUTDIR -> <OUT>, the repository root ->
    <REPO>, the shared-data folder -> <SHARED> (from OUTDIR/_meta.json);
  - the dataset digest of a manifest, which hashes those paths with the files' digests: it is
    recomputed over the normalized paths, only when it equals the documented formula (see
    Placeholders.dataset_digest); in text, the same digest is replaced by the same value.
Numbers are compared exactly (JSON numbers as parsed: 0.1 == 0.10, 1 == 1.0 — the JSON value, not
its spelling; text files, JSONL included, are compared character for character).
"""
import difflib
import gzip
import hashlib
import json
import os
import re
import sys

MAX_LINES = 20  # lines of detail printed per differing file
ISO_TIME = re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})")
VERSION_TEXT = re.compile(r"\bplaudit \d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?")
TIMINGS_LINE = re.compile(r"^(\s*- Timings:.*)$", re.M)
SECONDS = re.compile(r"\d+(?:\.\d+)? s\b")
DIFF_MD_TOTAL = re.compile(r"(\d+ skipped, in )\d+(?:\.\d+)?( s\.)")
JUNIT_TIME = re.compile(r'(\stime=")[^"]*(")')
# Not kept: report.html (report.md, from which it is converted, is) and stderr.txt (progress and
# log lines), except the stderr of a job that must fail, which is its error message.
SKIP_OUTPUTS = {"report.html", "stderr.txt"}


class Placeholders:
    def __init__(self, outdir):
        meta_path = os.path.join(outdir, "_meta.json")
        meta = json.load(open(meta_path, encoding="utf-8")) if os.path.exists(meta_path) else {}
        pairs = [(os.path.realpath(outdir), "<OUT>"), (os.path.abspath(outdir), "<OUT>")]
        if meta.get("outdir"):
            pairs.append((meta["outdir"], "<OUT>"))
        if meta.get("shared"):
            pairs.append((meta["shared"], "<SHARED>"))
        if meta.get("repository"):
            pairs.append((meta["repository"], "<REPO>"))
        # Longest first, so that an OUTDIR inside the repository becomes <OUT>, not <REPO>/….
        self.pairs = sorted({p for p in pairs if p[0]}, key=lambda p: -len(p[0]))
        self.digests = {}
        self._collect_dataset_digests(outdir)

    def paths(self, text):
        for path, name in self.pairs:
            text = text.replace(path, name)
            # JSON written by Foundation escapes "/" as "\/".
            text = text.replace(path.replace("/", "\\/"), name)
        return text

    def dataset_digest(self, manifest):
        """A manifest's dataset digest is SHA-256 over "<file sha256>  <path>\n" of its files
        (Dataset.sha256), so it changes with the paths as given on the command line, which hold
        OUTDIR or the repository root for some jobs. When the recorded digest is exactly that
        formula over the recorded paths, it is replaced by the same formula over the normalized
        paths; any other digest is left alone (and compared)."""
        files = manifest.get("files")
        if not isinstance(files, list) or not all(isinstance(f, dict) and "path" in f and "sha256" in f for f in files):
            return None
        raw = hashlib.sha256("".join(f"{f['sha256']}  {f['path']}\n" for f in files).encode()).hexdigest()
        if raw != manifest.get("sha256"):
            return None
        return hashlib.sha256("".join(f"{f['sha256']}  {self.paths(f['path'])}\n" for f in files).encode()).hexdigest()

    def _collect_dataset_digests(self, outdir):
        # The same digests appear in report.md ("Dataset sha256 `…`"): learn them from the JSON.
        def walk(value):
            if isinstance(value, dict):
                if isinstance(value.get("sha256"), str) and "files" in value:
                    new = self.dataset_digest(value)
                    if new:
                        self.digests[value["sha256"]] = new
                for v in value.values():
                    walk(v)
            elif isinstance(value, list):
                for v in value:
                    walk(v)
        for root, dirs, files in os.walk(outdir):
            if os.path.relpath(root, outdir).startswith("_"):
                dirs[:] = []
                continue
            for f in files:
                if f.endswith(".json"):
                    try:
                        walk(json.load(open(os.path.join(root, f), encoding="utf-8")))
                    except ValueError:
                        pass

    def text(self, text):
        text = self.paths(text)
        for raw, new in self.digests.items():
            text = text.replace(raw, new)
        return text


def normalize_json(value, ph, key=None):
    if isinstance(value, dict):
        digest = ph.dataset_digest(value) if isinstance(value.get("sha256"), str) and "files" in value else None
        if digest:
            value = dict(value, sha256=digest)
        out = {}
        for k, v in value.items():
            if k in ("started_at", "finished_at") and isinstance(v, str):
                out[k] = "<TIME>"
            elif k == "timings" and isinstance(v, dict):
                out[k] = {name: "<SECONDS>" for name in v}
            else:
                out[k] = normalize_json(v, ph, k)
        if out.get("tool") == "plaudit" and isinstance(out.get("version"), str):
            out["version"] = "<VERSION>"
        return out
    if isinstance(value, list):
        return [normalize_json(v, ph) for v in value]
    if isinstance(value, str):
        return ph.paths(value)
    return value


def normalize_text(text, ph, name):
    text = ph.text(text)
    text = ISO_TIME.sub("<TIME>", text)
    text = VERSION_TEXT.sub("plaudit <VERSION>", text)
    text = TIMINGS_LINE.sub(lambda m: SECONDS.sub("<SECONDS> s", m.group(1)), text)
    if name.endswith(".md"):
        text = DIFF_MD_TOTAL.sub(r"\1<SECONDS>\2", text)
    if name.endswith(".xml"):
        text = JUNIT_TIME.sub(r"\1<SECONDS>\2", text)
    return text


def is_json(name):
    return name.endswith(".json")


def load_output(path, ph):
    """The normalized output: a JSON value for .json files, else text."""
    with open(path, "rb") as f:
        raw = f.read().decode("utf-8")
    name = os.path.basename(path)
    if is_json(name):
        return normalize_json(json.loads(raw), ph)
    return normalize_text(raw, ph, name)


def canonical(value):
    return json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def json_diff(a, b, path="$", out=None):
    """Paths where golden `a` and output `b` differ (bool vs number and 1 vs 1.0 kept apart)."""
    if out is None:
        out = []
    if len(out) > MAX_LINES:
        return out
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            p = f"{path}.{k}" if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", k) else f"{path}[{json.dumps(k)}]"
            if k not in b:
                out.append(f"{p}: missing in output (golden: {short(a[k])})")
            elif k not in a:
                out.append(f"{p}: not in golden (output: {short(b[k])})")
            else:
                json_diff(a[k], b[k], p, out)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append(f"{path}: {len(a)} elements in golden, {len(b)} in output")
        for i, (x, y) in enumerate(zip(a, b)):
            json_diff(x, y, f"{path}[{i}]", out)
    elif type(a) is not type(b) or a != b:
        # type() keeps true apart from 1 and 1 from 1.0 (Python parses them as bool, int, float).
        out.append(f"{path}: golden {short(a)} != output {short(b)}")
    return out


def short(value):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."


def text_diff(a, b, name):
    lines = list(difflib.unified_diff(a.splitlines(), b.splitlines(), "golden/" + name, "output/" + name, n=0, lineterm=""))
    details = []
    for line in lines[2:]:
        if line.startswith("@@"):
            details.append(line)
            continue
        details.append(line if len(line) <= 200 else line[:197] + "...")
    # JSONL: name the JSON path of the first differing line, when both sides parse.
    if name.endswith(".jsonl"):
        for k, (x, y) in enumerate(zip(a.splitlines(), b.splitlines())):
            if x != y:
                try:
                    paths = json_diff(json.loads(x), json.loads(y), f"line {k + 1}: $")
                    details = paths[:5] + details
                except ValueError:
                    pass
                break
        if len(a.splitlines()) != len(b.splitlines()):
            details.insert(0, f"{len(a.splitlines())} lines in golden, {len(b.splitlines())} in output")
    return details or ["(differs only in line endings or a final newline)"]


def golden_files(golden):
    for root, dirs, files in os.walk(golden):
        dirs.sort()
        for f in sorted(files):
            rel = os.path.relpath(os.path.join(root, f), golden)
            if rel == "README.md" or rel.startswith("inputs" + os.sep):
                continue
            yield rel


def read_golden(path):
    if path.endswith(".gz"):
        with gzip.open(path, "rb") as f:
            return f.read().decode("utf-8")
    with open(path, encoding="utf-8") as f:
        return f.read()


def skipped_jobs(outdir):
    path = os.path.join(outdir, "_skipped.txt")
    if not os.path.exists(path):
        return {}
    jobs = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            name, _, why = line.rstrip("\n").partition("\t")
            jobs[name] = why
    return jobs


def compare(golden, outdir):
    ph = Placeholders(outdir)
    skipped = skipped_jobs(outdir)
    equal, differ, skipped_files = 0, [], 0
    checked = set()
    for rel in golden_files(golden):
        job = rel.split(os.sep)[0]
        target = rel[:-3] if rel.endswith(".gz") else rel[:-7] if rel.endswith(".sha256") else rel
        checked.add(target)
        if job in skipped:
            skipped_files += 1
            continue
        out_path = os.path.join(outdir, target)
        if not os.path.exists(out_path):
            differ.append((target, ["missing in the output"]))
            continue
        try:
            got = load_output(out_path, ph)
        except (ValueError, UnicodeDecodeError) as e:
            differ.append((target, [f"cannot read the output: {e}"]))
            continue
        want_text = read_golden(os.path.join(golden, rel))
        if rel.endswith(".sha256"):
            text = canonical(got) if is_json(target) else got
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            want = want_text.split()[0]
            if digest == want:
                equal += 1
            else:
                differ.append((target, [f"SHA-256 of the normalized output {digest} != golden {want}"]))
            continue
        if is_json(target):
            diffs = json_diff(json.loads(want_text), got)
            if diffs:
                differ.append((target, diffs))
            else:
                equal += 1
        elif want_text == got:
            equal += 1
        else:
            differ.append((target, text_diff(want_text, got, target)))

    for target, details in differ:
        print(f"DIFFERS {target}")
        for line in details[:MAX_LINES]:
            print(f"    {line}")
        if len(details) > MAX_LINES:
            print(f"    … {len(details) - MAX_LINES} more")
    for job, why in sorted(skipped.items()):
        print(f"skipped {job}: {why}")
    unchecked = unchecked_outputs(outdir, checked, skipped)
    if unchecked:
        print(f"note: {len(unchecked)} output files have no golden counterpart (not compared): "
              + ", ".join(unchecked[:8]) + (" …" if len(unchecked) > 8 else ""))
    summary = f"golden: {equal} files equal, {len(differ)} differ"
    if skipped_files:
        summary += f", {skipped_files} skipped ({len(skipped)} jobs not run)"
    print(summary)
    return 1 if differ else 0


def unchecked_outputs(outdir, checked, skipped):
    extra = []
    for root, dirs, files in os.walk(outdir):
        rel_root = os.path.relpath(root, outdir)
        if rel_root == "_work" or rel_root.startswith("_work" + os.sep):
            dirs[:] = []
            continue
        for f in files:
            rel = os.path.normpath(os.path.join(rel_root, f))
            if (f in SKIP_OUTPUTS and not is_error_output(root, f)) or rel.startswith("_") or rel in checked:
                continue
            extra.append(rel)
    return sorted(extra)


# ------------------------------------------------------------------------------------------
# --update: write the golden folder from a run.
GZIP_ABOVE = 64 * 1024   # normalized outputs larger than this are stored gzip-compressed
DIGEST_ABOVE = 2 << 20   # and larger than this, as a SHA-256 only


def update(golden, outdir):
    ph = Placeholders(outdir)
    skipped = skipped_jobs(outdir)
    if skipped:
        sys.exit("compare.py --update: the run skipped jobs (" + ", ".join(sorted(skipped))
                 + "); make the golden outputs from a run with the local models and the shared data")
    kept = set()
    for rel in sorted(keep_list(outdir)):
        value = load_output(os.path.join(outdir, rel), ph)
        text = canonical(value) if is_json(rel) else value
        data = text.encode("utf-8")
        dest = os.path.join(golden, rel)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        if len(data) > DIGEST_ABOVE:
            dest += ".sha256"
            data = (hashlib.sha256(data).hexdigest() + "  " + os.path.basename(rel) + " (normalized)\n").encode()
        elif len(data) > GZIP_ABOVE:
            dest += ".gz"
            with open(dest, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
                f.write(data)
            kept.add(os.path.relpath(dest, golden))
            continue
        with open(dest, "wb") as f:
            f.write(data)
        kept.add(os.path.relpath(dest, golden))
    # Remove golden files of jobs or outputs that no longer exist.
    for rel in list(golden_files(golden)):
        if rel not in kept:
            os.remove(os.path.join(golden, rel))
    print(f"golden: wrote {len(kept)} files to {golden}")
    return 0


def keep_list(outdir):
    """The outputs kept as golden: everything a job wrote, except report.html (report.md says
    the same), stderr.txt (progress and log lines) and run-jobs' own files (_*)."""
    for root, dirs, files in os.walk(outdir):
        rel_root = os.path.relpath(root, outdir)
        if rel_root.startswith("_"):
            dirs[:] = []
            continue
        dirs.sort()
        for f in sorted(files):
            if rel_root == "." or (f in SKIP_OUTPUTS and not is_error_output(root, f)):
                continue
            yield os.path.normpath(os.path.join(rel_root, f))


def is_error_output(folder, name):
    """A job that must fail (run-jobs' job_expect, which writes exit_status.txt): its stderr,
    the located error message, is its output."""
    return name == "stderr.txt" and os.path.exists(os.path.join(folder, "exit_status.txt"))


def main(argv):
    args = [a for a in argv if a != "--update"]
    if len(args) != 2 or any(a.startswith("-") for a in args):
        sys.exit(__doc__)
    golden, outdir = args
    if not os.path.isdir(outdir):
        sys.exit(f"compare.py: {outdir} is not a folder")
    if "--update" in argv:
        return update(golden, outdir)
    if not os.path.isdir(golden):
        sys.exit(f"compare.py: {golden} is not a folder")
    return compare(golden, outdir)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

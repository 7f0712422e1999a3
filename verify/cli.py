"""The ``verify`` command: list, show, check, report.

Bad input (an unknown label, section, profile, an unwritable path) is one line on
stderr and exit status 2; outputs are written atomically.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from . import catalog, registry
from .claim import KINDS
from .io import OutputError, check_writable, write_atomic
from .profiles import UnknownProfile, get_profile


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, no usage dump
        raise UsageError(message)


def _progress(stream):
    """Claim-by-claim progress on a terminal; silent when stderr is not a TTY (CI logs)."""
    if not stream.isatty():
        return None
    t0 = time.perf_counter()
    counts: dict[str, int] = {}

    def show(claim, ev, i, n):
        el = time.perf_counter() - t0
        if ev is None:
            stream.write(f"\r\033[K[{i + 1}/{n}] {el:6.1f}s  checking {claim.id} …")
        else:
            counts[ev.status] = counts.get(ev.status, 0) + 1
            so_far = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
            stream.write(f"\r\033[K[{i + 1}/{n}] {el:6.1f}s  {claim.id}: {ev.status} ({ev.seconds:.1f}s) | {so_far}")
            if i + 1 == n:
                stream.write("\n")
        stream.flush()

    return show


def _select(labels):
    try:
        return registry.select(labels)
    except (catalog.UnknownLabel, catalog.UnknownSection, registry.NoClaim) as e:
        raise UsageError(str(e)) from None


def cmd_list(args) -> int:
    claims = registry.all_claims()
    if args.what:
        if args.what in KINDS:
            claims = [c for c in claims if c.kind == args.what]
        else:
            claims = _select([args.what if registry.looks_like_section(args.what) else f"sec:{args.what}"])
    status = _load_statuses(args.results)
    for c in claims:
        print(f"{c.id:<34} {status.get(c.id, 'not run'):<13} {c.title}")
    return 0


def _load_statuses(path) -> dict[str, str]:
    p = Path(path)
    if not p.exists():
        return {}
    try:
        return {c["id"]: c["status"] for c in json.loads(p.read_text())["claims"]}
    except (ValueError, KeyError):
        return {}


def cmd_check(args) -> int:
    from .results import build

    profile = get_profile(args.profile)
    claims = _select(args.labels)
    if args.json:
        check_writable(args.json)
    from .execute import run_all

    evs = run_all(claims, profile, seed=args.seed, jobs=args.jobs, scheduler=args.scheduler,
                  use_cache=not args.no_cache, progress=_progress(sys.stderr))
    bad = 0
    for ev in evs:
        flag = "ok " if ev.matches_expectation else "FAIL"
        print(f"{flag} {ev.claim.id:<34} {ev.status:<13} mutants {ev.killed}/{len(ev.mutants)}  {ev.seconds:6.2f}s")
        for p in ev.problems():
            print(f"     - {p}")
        bad += not ev.matches_expectation
    if args.json:
        write_atomic(args.json, json.dumps(build(evs, profile.name, args.seed), indent=1) + "\n")
    print(f"{len(evs) - bad} passed, {bad} failed")
    return 1 if bad else 0


def cmd_report(args) -> int:
    from .report_command import make_report

    profile = get_profile(args.profile)
    check_writable(args.out)
    check_writable(args.json)
    return make_report(profile, args.seed, Path(args.out), Path(args.json), _progress(sys.stderr), jobs=args.jobs,
                       scheduler=args.scheduler, use_cache=not args.no_cache)


def cmd_show(args) -> int:
    import difflib

    from . import registry
    from .show import show

    claim_ids = set(registry.load())
    if args.label.strip() in claim_ids:  # a claim id such as sec:8.3.1:pca-gradient
        ids = [args.label.strip()]
    else:
        try:
            ids = catalog.resolve(args.label)
        except catalog.UnknownLabel as e:
            near = difflib.get_close_matches(args.label.strip(), sorted(claim_ids), n=3, cutoff=0.6)
            if near and args.label.strip().startswith("sec:"):
                raise UsageError(f"unknown claim id {args.label.strip()!r}; nearest: {', '.join(near)}") from None
            raise UsageError(str(e)) from None
    return show(ids, latex=args.latex, results=Path(args.results), run=args.run)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="verify", description="Check the mathematics of Chapter 8, Nonconvex Optimization.")
    sub = p.add_subparsers(dest="cmd", required=True, parser_class=_Parser)

    sp = sub.add_parser("list", help="one line per claim: id, status, title")
    sp.add_argument("what", nargs="?", help="a section (8.3.1) or a kind (identity, inequality, …)")
    sp.add_argument("--results", default="results.json", help="where to read statuses from")
    sp.set_defaults(fn=cmd_list)

    sp = sub.add_parser("show", help="printed form, derivation, verdict, uses / used by")
    sp.add_argument("label", help="8.8, eq:8.8, lemma:8.17, thm:8.7, …")
    sp.add_argument("--latex", action="store_true", help="print derived expressions as LaTeX")
    sp.add_argument("--results", default="results.json", help="verdicts from this results.json")
    sp.add_argument("--run", action="store_true", help="run the check now (ci profile) instead of reading results")
    sp.set_defaults(fn=cmd_show)

    sp = sub.add_parser("check", help="run the checks of some claims (all by default)")
    sp.add_argument("labels", nargs="*", help="labels or sections (8.8, eq:8.8, 8.3.1, sec:8.2)")
    sp.add_argument("--profile", default="ci")
    sp.add_argument("--seed", type=int, default=0)
    sp.add_argument("--json", help="also write results.json-style output here")
    _executor_options(sp)
    sp.set_defaults(fn=cmd_check)

    sp = sub.add_parser("report", help="write REPORT.md, results.json and the figures")
    sp.add_argument("--profile", default="report")
    sp.add_argument("--seed", type=int, default=0)
    sp.add_argument("--out", default="REPORT.md")
    sp.add_argument("--json", default="results.json")
    _executor_options(sp)
    sp.set_defaults(fn=cmd_report)

    sp = sub.add_parser("cache", help="the content-addressed cache of sweep cells and claim evidence")
    sp.add_argument("action", choices=["clear", "path"], help="clear: delete every entry; path: print the directory")
    sp.set_defaults(fn=cmd_cache)
    return p


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--jobs must be a whole number, not {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"--jobs must be at least 1, not {n}")
    return n


def _scheduler(text: str) -> str:
    if text != "local" and not text.startswith(("tcp://", "tls://", "inproc://", "ws://", "wss://")):
        raise argparse.ArgumentTypeError(f"--scheduler must be 'local' or an address like tcp://host:8786, not {text!r}")
    return text


def _executor_options(sp) -> None:
    sp.add_argument("--jobs", type=_jobs, default=None,
                    help="worker processes (default: one per core); verdicts do not depend on it")
    sp.add_argument("--scheduler", type=_scheduler, default=None,
                    help="run claims and sweep cells on Dask distributed: 'local' (a LocalCluster of --jobs workers) "
                    "or a scheduler address tcp://host:port")
    sp.add_argument("--no-cache", action="store_true",
                    help="neither read nor write the cache of sweep cells and claim evidence (.verify-cache/)")


def cmd_cache(args) -> int:
    from numeric.sweeps import cache

    if args.action == "path":
        print(cache.directory())
        return 0
    n = cache.clear()
    print(f"removed {n} cache entries from {cache.directory()}")
    return 0


def main(argv=None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return args.fn(args)
    except (UsageError, UnknownProfile, OutputError, catalog.UnknownLabel, catalog.UnknownSection) as e:
        print(f"verify: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("verify: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""The ``verify`` command: list, show, check, report.

Bad input (an unknown label, section, profile, an unwritable path) is one line on
stderr and exit status 2; outputs are validated before any work starts and written
atomically. ``list`` and ``show`` read the claim index, the catalog and results.json
only (no claim module is imported), so they answer in well under a second.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

from verify.engine import catalog, registry
from verify.engine.claim import KINDS, STRENGTHS
from verify.run.outputs import OutputError, check_outputs, is_our_output, write_atomic
from verify.engine.profiles import PROFILES, UnknownProfile, get_profile
from verify.faces.results_reader import ResultsError


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


MAX_LABEL = 100  # characters: longer is not a label (and int() of 4300+ digits raises)


def _positive_int(text: str) -> int:
    try:
        n = int(text) if len(text) <= 12 else 0
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {text[:20]!r}")
    return n


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def max_jobs() -> int:
    """The most local workers a run starts: 4 per usable core (more only thrash; each holds a NumPy, SymPy, …)."""
    return 4 * _cores()


def _cap_jobs(args) -> None:
    """--jobs beyond max_jobs() is capped, with a one-line note (a remote scheduler's size is its own)."""
    jobs, sched = getattr(args, "jobs", None), getattr(args, "scheduler", None)
    if jobs is not None and jobs > max_jobs() and (not sched or sched == "local"):
        print(f"verify: note: --jobs {jobs} capped at {max_jobs()} (4 per usable core)", file=sys.stderr)
        args.jobs = max_jobs()


def parse_seed(text: str) -> int:
    """A seed as the CLI and the pytest plugin accept it: an integer in [0, 2³²) (ValueError otherwise)."""
    try:
        n = int(text) if len(str(text)) <= 10 else -1
    except ValueError:
        n = -1
    if not 0 <= n < 2**32:
        raise ValueError(f"must be an integer in [0, 2³²), not {str(text)[:20]!r}")
    return n


def _seed(text: str) -> int:
    try:
        return parse_seed(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _check_labels(labels) -> None:
    for sel in labels:
        if len(sel) > MAX_LABEL:
            raise UsageError(f"label of {len(sel)} characters is too long to be a label (at most {MAX_LABEL})")
        if not sel.strip():
            raise UsageError("empty label")


def _note_bare_numbers(labels) -> None:
    """A bare 8.3 means the objects numbered 8.3, as in every command; say so when it is also a section."""
    for sel in labels:
        if sel.strip().count(".") == 1 and ":" not in sel and catalog.is_section(sel.strip()):
            print(f"verify: note: {sel.strip()!r} means the objects numbered {sel.strip()} (equation ({sel.strip()}) …); "
                  f"for section {sel.strip()} say sec:{sel.strip()}", file=sys.stderr)


def _select(labels, claims=None):
    _check_labels(labels)
    _note_bare_numbers(labels)
    try:
        return registry.select(labels, claims)
    except (catalog.UnknownLabel, catalog.UnknownSection, registry.NoClaim) as e:
        raise UsageError(str(e)) from None


def cmd_list(args) -> int:
    if args.what is not None:
        _check_labels([args.what])
    if args.uncovered:  # the chapter's prose that no claim checks, each with its reason (the text's coverage hook)
        from verify.engine.text import active

        uncovered = active().hook(active().uncovered) or (lambda: [])

        for p in uncovered():
            print(f"§{p.section:<6} {p.anchor[:60]!r:<64} {p.reason}")
        from verify.engine.text import active

        informal_without_reading = active().hook(active().readings) or (lambda claims: [])

        for c in informal_without_reading(registry.all_claims()):
            print(f"{c.id:<71} informal: {c.informal_reason}")
        return 0
    from verify.faces import claims_index as index, results_reader as stored
    claims = index.claims()
    if args.what is not None:
        if args.what in KINDS:
            claims = [c for c in claims if c.kind == args.what]
        else:
            claims = _select([args.what], claims)
    results = stored.load(args.results)
    if args.strength:
        if args.strength not in STRENGTHS:
            raise UsageError(f"unknown strength {args.strength!r} (one of {', '.join(STRENGTHS)})")
        strength = {cid: c.get("strength") for cid, c in results.claims.items()}
        if not any(strength.values()):
            raise UsageError("no strengths in the results file: write it with `verify check --json` or `verify report`")
        claims = [c for c in claims if strength.get(c.id) == args.strength]
    for c in claims:
        print(f"{c.id:<34} {results.status(c.id):<13} {c.title}")
    return 0


def _guard_subset(path, ids, force: bool) -> None:
    """Refuse to replace a results file of ours by one that drops some of its claims (a subset run), unless --force."""
    p = Path(path)
    if force or not p.is_file() or not is_our_output(p):
        return
    try:
        old = {c.get("id") for c in json.loads(p.read_text(encoding="utf-8")).get("claims", []) if isinstance(c, dict)}
    except (OSError, ValueError, AttributeError, RecursionError, TypeError):
        return
    dropped = old - set(ids)
    if dropped:
        raise OutputError(f"refusing to overwrite {str(p)!r}: it holds {len(dropped)} claim(s) this run does not "
                          f"check (use --force, or another --json)")


def cmd_check(args) -> int:
    from verify.faces import claims_index as index
    profile = get_profile(args.profile)
    ids = [c.id for c in _select(args.labels, index.claims())]  # fast: bad labels fail before any import
    if args.json is not None:
        check_outputs({"--json": args.json}, force=args.force)
        _guard_subset(args.json, ids, args.force)
    from verify.run.orchestrate import run_all
    from verify.faces.results_json import build

    by_id = {c.id: c for c in registry.all_claims()}
    claims = [by_id[i] for i in ids]

    _cap_jobs(args)
    cache_hypothesis_home(not args.no_cache)
    evs = run_all(claims, profile, seed=args.seed, jobs=args.jobs, scheduler=args.scheduler,
                  use_cache=not args.no_cache, progress=_progress(sys.stderr))
    bad = 0
    for ev in evs:
        flag = "ok " if ev.matches_expectation else "FAIL"
        print(f"{flag} {ev.claim.id:<34} {ev.status:<13} mutants {ev.killed}/{len(ev.mutants)}  {ev.seconds:6.2f}s")
        for p in ev.problems():
            print(f"     - {p}")
        sys.stdout.flush()
        bad += not ev.matches_expectation
    if args.json:
        doc = build(evs, profile.name, args.seed)
        if len(claims) < len(by_id):  # a subset: the strengths still come from the whole uses graph
            _subset_strengths(doc, evs, args, profile, list(by_id.values()))
        try:
            write_atomic(args.json, json.dumps(doc, indent=1) + "\n")
        except OSError as e:  # a full disk after all the work: say so in one line; the old file is untouched
            raise OutputError(f"cannot write {str(args.json)!r}: {e.strerror or e} (the verdicts are above; "
                              f"{str(args.json)!r} is as it was)") from None
    print(f"{len(evs) - bad} passed, {bad} failed")
    return 1 if bad else 0


def _subset_strengths(doc: dict, evs: list, args, profile, all_claims) -> None:
    """A subset's --json records the strengths a full run records.  A claim's effective strength is the weakest over
    what it uses, transitively: the uses this run did not check are checked now (from the cache when it holds them,
    quietly, same profile and seed), their evidence joins the strength computation, and only the selected claims are
    written.  Without it a subset made eq:8.8 'sampled' (its uses 'unchecked') where a full run proves it."""
    from verify.faces.results_json import build
    from verify.run.orchestrate import run_all, uses_closure

    extra = uses_closure([ev.claim for ev in evs], all_claims)
    if not extra:
        return
    print(f"verify: note: checking the {len(extra)} claim(s) the selection uses, for its strengths "
          "(they are not written to --json)", file=sys.stderr)
    more = run_all(extra, profile, seed=args.seed, jobs=args.jobs, scheduler=args.scheduler,
                   use_cache=not args.no_cache)
    full = {c["id"]: c for c in build(list(evs) + list(more), profile.name, args.seed)["claims"]}
    for c in doc["claims"]:
        for k in ("strength", "own_strength", "strength_limited_by"):
            if k in full[c["id"]]:
                c[k] = full[c["id"]][k]


def cmd_report(args) -> int:
    from verify.faces.report_writer import make_report

    profile = get_profile(args.profile)
    _cap_jobs(args)
    outs = check_outputs({"--out": args.out, "--json": args.json}, force=args.force)
    if args.figures is not None and not args.figures.strip():
        raise OutputError("empty --figures directory")
    fig_dir = Path(args.figures) if args.figures is not None else outs["--out"].parent / "figures"
    _check_figures_dir(fig_dir, outs, args.force)
    cache_hypothesis_home(not args.no_cache)
    return make_report(profile, args.seed, outs["--out"], outs["--json"], _progress(sys.stderr), jobs=args.jobs,
                       fig_dir=fig_dir, scheduler=args.scheduler, use_cache=not args.no_cache, force=args.force)


def cache_hypothesis_home(use_cache: bool = True) -> None:
    """No .hypothesis/ in the user's directory: hypothesis keeps its files in the cache (numeric.sweeps.cache),
    or under --no-cache in a temporary folder removed at exit."""
    from numeric.sweeps import cache

    with cache.off(not use_cache):
        cache.hypothesis_home()


def _check_figures_dir(d: Path, outs: dict, force: bool = False) -> None:
    """The figures folder: a folder (or one that can be made), apart from the other outputs, writable, and
    holding no PNG of a figure's name that verify did not write (unless --force), like --json."""
    from verify.run.outputs import check_figures

    if d.exists() and not d.is_dir():
        raise OutputError(f"--figures {str(d)!r} is not a directory")
    for name, p in outs.items():
        if p.resolve() == d.resolve():
            raise OutputError(f"--figures and {name} name the same path {str(d)!r}")
    probe = d if d.is_dir() else d.parent
    check_outputs({"--figures": probe / ".verify-figures-probe"}, force=True)
    check_figures(d, _figure_names(), force, reports=[p for n, p in outs.items() if n == "--out"])


def _figure_names() -> list[str]:
    """The file names of the text's figures (from its registry; nothing is drawn)."""
    from verify.engine.text import active

    figs = active().hook(active().figures)
    if figs is None:
        return []
    figs._load()
    return sorted(figs._FIGURES)


def cmd_show(args) -> int:
    import difflib

    from verify.faces import claims_index as index, results_reader as stored
    from verify.faces.show import show

    _check_labels([args.label])
    claim_ids = set(index.by_id())
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
    results = stored.load(args.results)
    if args.check:
        cache_hypothesis_home()
    try:
        return show(ids, results, latex=args.latex, check=args.check, seed=args.seed)
    except (KeyError, TypeError, AttributeError) as e:  # a hand-edited file the validation did not foresee
        if results.path is None:
            raise
        raise ResultsError(f"results file {str(results.path)!r} has an entry of an unexpected shape "
                           f"({type(e).__name__}: {e})") from None


def cmd_site(args) -> int:
    from verify.faces.site.build import build
    from verify.faces.site.model import SiteError

    from verify.faces.results_reader import default_path, precheck

    if args.results is not None and not str(args.results).strip():
        raise ResultsError("empty results path")
    results = Path(args.results) if args.results else default_path()
    precheck(results)  # a FIFO, /dev/zero, schema 99, wrong types …: one line before any page is built
    srv = None
    if args.serve is not None:  # a taken port fails now, not after the build
        from verify.faces.site.serve import make_server

        try:
            srv = make_server(Path(args.out), args.serve)
        except OSError as e:
            raise UsageError(f"cannot serve on 127.0.0.1:{args.serve}: {e.strerror or e}") from None
    try:
        try:
            info = build(Path(args.out), results)
        except SiteError as e:
            raise UsageError(str(e)) from None
        except (KeyError, TypeError, AttributeError, ValueError) as e:  # a hand-edited results file
            raise ResultsError(f"results file {str(results)!r} cannot be rendered ({type(e).__name__}: {e})") from None
    except BaseException:
        if srv is not None:
            srv.server_close()
        raise
    print(f"wrote {args.out}: {info['pages']} pages ({info['claims']} claims, {info['equations']} equations, "
          f"{info['figures']} figures) in {info['seconds']:.1f}s; open {Path(args.out) / 'index.html'}")
    if srv is not None:
        print(f"serving {args.out} at http://127.0.0.1:{srv.server_address[1]}/ (Ctrl-C stops)", flush=True)
        try:
            srv.serve_forever()
        finally:
            srv.server_close()
    return 0


def _port(s: str) -> int:
    try:
        p = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port: {s!r}") from None
    if not 0 <= p <= 65535:
        raise argparse.ArgumentTypeError(f"not a port: {s!r}")
    return p


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="verify", description="Check the mathematics of a text (by default Chapter 8, Nonconvex Optimization; $VERIFY_TEXT names another).",
                epilog="Labels: eq:8.17 is equation (8.17), lemma:8.17 is Lemma 8.17, a bare 8.17 is every object "
                       "numbered 8.17; sections are 8.3.1, sec:8.3 or §8.3.")
    sub = p.add_subparsers(dest="cmd", required=True, parser_class=_Parser)
    results_help = ("read verdicts from this results.json (default: the project's results.json, beside verify/, "
                    "whatever the working directory)")
    profiles = ", ".join(PROFILES)

    sp = sub.add_parser("list", help="one line per claim: id, status, title",
                        description="One line per claim: id, stored status, title.")
    sp.add_argument("what", nargs="?", help="a section (8.3.1, sec:8.3), a label (8.8, eq:8.8, lemma:8.17) "
                                            "or a kind (" + ", ".join(KINDS) + ")")
    sp.add_argument("--results", metavar="PATH", help=results_help)
    sp.add_argument("--uncovered", action="store_true", help="the prose no claim checks, each with its reason")
    sp.add_argument("--strength", help="only claims of this (effective) strength: " + ", ".join(STRENGTHS))
    sp.set_defaults(fn=cmd_list)

    sp = sub.add_parser("show", help="printed form, stored verdict and evidence, uses / used by",
                        description="The printed form, the stored verdict and evidence (from results.json), "
                                    "uses / used by; --check also runs the check now and prints its derivation.")
    sp.add_argument("label", help="8.8 (every object numbered 8.8), eq:8.8, lemma:8.17, thm:8.7, a claim id, …")
    sp.add_argument("--latex", action="store_true", help="print derived expressions as LaTeX (with --check)")
    sp.add_argument("--results", metavar="PATH", help=results_help)
    sp.add_argument("--check", "--run", dest="check", action="store_true",
                    help="also run the check now (ci profile) and print its derivation, marked as a fresh run")
    sp.add_argument("--seed", type=_seed, default=0, help="seed of the --check run (default: %(default)s)")
    sp.set_defaults(fn=cmd_show)

    sp = sub.add_parser("check", help="run the checks of some claims (all by default)",
                        description="Run the checks of some claims (all by default); exit 1 if any verdict "
                                    "differs from the declared one or a mutant survives.")
    sp.add_argument("labels", nargs="*", help="labels or sections (8.8, eq:8.8, 8.3.1, sec:8.2)")
    sp.add_argument("--profile", default="ci", choices=list(PROFILES),
                    help=f"how hard to look: {profiles} (default: %(default)s)")
    sp.add_argument("--seed", type=_seed, default=0, help="seed of every random stream (default: %(default)s)")
    sp.add_argument("--json", metavar="PATH", help="also write results.json-style output here (default: none)")
    sp.add_argument("--force", action="store_true",
                    help="overwrite --json even if it is not an output of verify or holds claims this run drops")
    _executor_options(sp)
    sp.set_defaults(fn=cmd_check)

    sp = sub.add_parser("report", help="write REPORT.md, results.json and the figures",
                        description="Run every claim, write the report, results.json and the figures.")
    sp.add_argument("--profile", default="report", choices=list(PROFILES),
                    help=f"how hard to look: {profiles} (default: %(default)s)")
    sp.add_argument("--seed", type=_seed, default=0, help="seed of every random stream (default: %(default)s)")
    sp.add_argument("--out", metavar="PATH", default="REPORT.md", help="the report (default: %(default)s)")
    sp.add_argument("--json", metavar="PATH", default="results.json", help="the results (default: %(default)s)")
    sp.add_argument("--figures", metavar="DIR",
                    help="directory for the figures (default: figures/ beside --out)")
    sp.add_argument("--force", action="store_true", help="overwrite --out/--json even if not outputs of verify")
    _executor_options(sp)
    sp.set_defaults(fn=cmd_report)

    sp = sub.add_parser("site", help="build the static web blueprint from results.json")
    sp.add_argument("--out", default="site", help="the site's folder (replaced whole)")
    sp.add_argument("--results", metavar="PATH", help=results_help)
    sp.add_argument("--serve", nargs="?", type=_port, const=8000, default=None, metavar="PORT",
                    help="then serve it on http://127.0.0.1:PORT/ (default 8000)")
    sp.set_defaults(fn=cmd_site)

    sp = sub.add_parser("cache", help="the content-addressed cache of sweep cells and claim evidence")
    sp.add_argument("action", choices=["clear", "path"], help="clear: delete every entry; path: print the directory")
    sp.set_defaults(fn=cmd_cache)
    return p




def _scheduler(text: str) -> str:
    import re

    if text == "local":
        return text
    if not text.startswith(("tcp://", "tls://", "inproc://", "ws://", "wss://")):
        raise argparse.ArgumentTypeError(f"must be 'local' or an address like tcp://host:8786, not {text[:80]!r}")
    if text.startswith("inproc://"):
        raise argparse.ArgumentTypeError("an inproc:// scheduler lives inside one process; give tcp://host:port or "
                                         "'local'")
    if not re.fullmatch(r"[a-z]+://(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9_.-]+):\d{1,5}", text) or \
            not 0 < int(text.rsplit(":", 1)[1]) < 65536:
        raise argparse.ArgumentTypeError(f"not an address like tcp://host:8786: {text[:80]!r}")
    return text


def _executor_options(sp) -> None:
    sp.add_argument("--jobs", type=_positive_int, default=None,
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
    try:
        n = cache.clear()
    except cache.NotACache as e:
        raise UsageError(str(e)) from None
    except OSError as e:
        raise UsageError(f"cannot clear the cache in {str(cache.directory())!r}: {e.strerror or e}") from None
    print(f"removed {n} cache entries from {cache.directory()}")
    return 0


def _scheduler_error():
    """executors.SchedulerError, imported only when the executors module already is (lookups stay light)."""
    mod = sys.modules.get("verify.run.backends")
    return mod.SchedulerError if mod is not None else UsageError


class _Stdout(io.TextIOBase):
    """stdout that never ends a run: a reader that went away (``| head``) or a full device (``> /dev/full``)
    stops the printing, not the work; outputs are still written.  The first error is kept for the exit."""

    def __init__(self, raw):
        self.raw, self.failed = raw, None

    def write(self, text):
        if self.failed is None:
            try:
                return self.raw.write(text)
            except OSError as e:
                self._fail(e)
        return len(text)

    def flush(self):
        if self.failed is None:
            try:
                self.raw.flush()
            except OSError as e:
                self._fail(e)

    def _fail(self, e: OSError) -> None:
        self.failed = e
        try:  # whatever is still buffered goes nowhere, so the interpreter's exit cannot fail on it again
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, self.raw.fileno())
            os.close(fd)
        except (OSError, ValueError, io.UnsupportedOperation):
            pass

    def isatty(self):
        return self.raw.isatty()

    def fileno(self):
        return self.raw.fileno()

    @property
    def encoding(self):
        return self.raw.encoding


def _tolerant(stream) -> None:
    """Characters the stream's encoding lacks (an ASCII locale) are escaped, never an error."""
    try:
        stream.reconfigure(errors="backslashreplace")
    except (AttributeError, ValueError, io.UnsupportedOperation):
        pass


_interrupted = threading.Event()
_timer: list = []
GRACE = 2.0  # seconds an interrupted run has to stop in order before it is stopped hard


def _hard_exit() -> None:
    """The orderly stop took too long: kill every process we started, remove the private caches, exit 130."""
    from numeric.sweeps import cache

    _kill_descendants()
    cache.remove_private()
    try:
        os.write(2, b"verify: interrupted\n")
    finally:
        os._exit(130)


def _kill_descendants() -> None:
    from verify.run.backends import kill_children

    kill_children()


def _on_signal(signum, frame):
    """SIGINT and SIGTERM alike, whether sent to the process or its group: stop the run (exit 130)."""
    if _interrupted.is_set():
        return  # a second signal while stopping changes nothing
    _interrupted.set()
    # the run is ending: what distributed, tornado and asyncio say about workers we are about to kill is not news (a
    # Nanny still starting when the signal came printed "Task exception was never retrieved" with its traceback)
    import logging

    for name in ("distributed", "tornado", "asyncio"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    t = threading.Timer(GRACE, _hard_exit)
    t.daemon = True
    t.start()
    _timer.append(t)
    raise KeyboardInterrupt


def _stop_now(out) -> None:
    """Exit 130 at once after an interrupt whose cleanup is done (private caches removed, workers killed)."""
    from numeric.sweeps import cache

    _kill_descendants()
    cache.remove_private()
    for stream in (out, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(130)


def _install_signals():
    if threading.current_thread() is not threading.main_thread():
        return None
    old = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    for sig in old:
        signal.signal(sig, _on_signal)
    return old


def main(argv=None) -> int:
    out = sys.stdout = _Stdout(sys.stdout) if not isinstance(sys.stdout, _Stdout) else sys.stdout
    raw = out.raw
    _tolerant(raw)
    _tolerant(sys.stderr)
    old_signals = _install_signals()
    _interrupted.clear()
    try:
        code = _main(argv)
        if _interrupted.is_set() and argv is None:  # the command itself (not a test calling main): go now; the
            _stop_now(out)                           # interpreter's exit would join pool threads of killed workers
        out.flush()
        if out.failed is not None and not isinstance(out.failed, BrokenPipeError):
            print(f"verify: error: cannot write to stdout: {out.failed.strerror or out.failed}", file=sys.stderr)
            return 2
        return code  # a reader that left early (| head) is no error of ours
    finally:
        while _timer:  # stopped in order within the grace period: no hard exit
            _timer.pop().cancel()
        sys.stdout = raw
        if old_signals:
            for sig, h in old_signals.items():
                signal.signal(sig, h)


def _main(argv=None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return args.fn(args)
    except (UsageError, UnknownProfile, OutputError, ResultsError, catalog.UnknownLabel, catalog.UnknownSection,
            _scheduler_error()) as e:
        print(f"verify: error: {' '.join(str(e).split())}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("verify: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

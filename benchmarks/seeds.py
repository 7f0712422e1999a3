#!/usr/bin/env python3
"""Seed robustness: run the ci checks under several seeds and list every verdict that moves.

    python benchmarks/seeds.py --fits               # the claims with a fitted exponent, seeds 0..19
    python benchmarks/seeds.py --seeds 10-19 --fits # the seeds outside the usual 0..9
    python benchmarks/seeds.py --seeds 0,3 eq:8.93 lemma:8.17

Each (claim, seed) is `verify check --profile ci --seed S` for that claim, run in this
process (a claim's experiments are cached per seed, so nothing is shared between seeds).
A claim is reported when its verdict is not the declared one, or a mutant survives
(its ±δ rate mutants included: they are re-judged on each seed's own fitted data), at
some seed; the summary lists, per claim, the seeds where it left its declared verdict. Exit status: 0 when every claim held at every seed, 1 otherwise, 2 on bad input.
Not part of the default test run (it is minutes of CPU per seed).
"""
from __future__ import annotations

import argparse
import sys
import time


def parse_seeds(text: str) -> list[int]:
    """``0-4`` → [0, 1, 2, 3, 4]; ``0,3,7`` → [0, 3, 7]."""
    out: list[int] = []
    for part in text.split(","):
        part = part.strip()
        if "-" in part:
            a, b = part.split("-", 1)
            out += list(range(int(a), int(b) + 1))
        elif part:
            out.append(int(part))
    if not out:
        raise ValueError(f"no seeds in {text!r}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="*", help="claims, labels or sections (default: all)")
    ap.add_argument("--seeds", default="0-19", help="a range 0-19 or a list 0,3,7 (default 0-19)")
    ap.add_argument("--profile", default="ci")
    ap.add_argument("--fits", action="store_true", help="only the claims whose printed check reports a fit")
    args = ap.parse_args(argv)

    from verify.engine import registry
    from verify.engine.profiles import UnknownProfile, get_profile
    from verify.run.claim_runner import run_claim

    try:
        seeds = parse_seeds(args.seeds)
        profile = get_profile(args.profile)
        claims = registry.select(args.labels) if args.labels else registry.all_claims()
    except (ValueError, UnknownProfile, LookupError) as e:
        print(f"seeds: {e}", file=sys.stderr)
        return 2
    except Exception as e:  # unknown label / section: one line, no traceback
        print(f"seeds: {e}", file=sys.stderr)
        return 2

    bad: dict[str, list[str]] = {}
    fitted = set()
    for c in claims:
        for s in seeds:
            t0 = time.perf_counter()
            ev = run_claim(c, profile, s)
            if args.fits and s == seeds[0] and not ev.printed.fits:
                break
            fitted.add(c.id)
            problems = ev.problems()
            mark = "ok" if not problems else "DIFFERS"
            print(f"{c.id:40s} seed {s}: {ev.status:12s} {mark} ({time.perf_counter() - t0:.1f}s)", flush=True)
            if problems:
                bad.setdefault(c.id, []).append(f"seed {s}: " + "; ".join(problems))
    print()
    print(f"{len(fitted)} claims × seeds {args.seeds} ({args.profile} profile): "
          f"{len(bad)} with a verdict other than the declared one")
    for cid, lines in bad.items():
        print(f"  {cid}: seeds {', '.join(line.split(':', 1)[0][5:] for line in lines)}")
        for line in lines:
            print(f"    {line}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

"""``verify report``: run every claim, draw the figures, write results.json and REPORT.md."""
from __future__ import annotations

import json
import os
from pathlib import Path

from verify.engine import registry
from verify.run.outputs import OutputError, mark_png, write_set
from verify.engine.profiles import Profile
from verify.faces.report_markdown import render
from verify.faces.results_json import build


def make_report(profile: Profile, seed: int, out: Path, json_path: Path, progress=None, jobs: int | None = 1,
                scheduler: str | None = None, use_cache: bool = True, fig_dir: Path | None = None,
                force: bool = False) -> int:
    """``fig_dir`` defaults to figures/ beside ``out``; the report links the figures relative to itself."""
    from numeric.sweeps import cache

    from verify.run.orchestrate import _remote, run_all
    from verify.engine.text import active

    figs = active().hook(active().figures)
    draw_all = figs.draw_all if figs else (lambda profile, seed: iter(()))

    if not use_cache and not _remote(scheduler):  # a cold run on a private cache: figures share its cells too
        with cache.private():
            return make_report(profile, seed, out, json_path, progress, jobs, scheduler, True, fig_dir, force)
    evs = run_all(registry.all_claims(), profile, seed=seed, jobs=jobs, scheduler=scheduler, use_cache=use_cache,
                  progress=progress)
    with cache.off(not use_cache):
        return _write(profile, seed, out, json_path, evs, draw_all, fig_dir)


def _write(profile, seed, out, json_path, evs, draw_all, fig_dir=None) -> int:
    """The figures, results.json and the report, written as one set (verify.run.outputs.write_set): a kill or a
    full disk leaves the previous set whole.  Each figure carries verify's mark (the --figures ownership rule)."""
    results = build(evs, profile.name, seed)
    fig_dir = out.parent / "figures" if fig_dir is None else fig_dir
    fig_dir.mkdir(exist_ok=True)
    figures, files = [], {}
    for name, caption, png in draw_all(profile, seed):
        if png is None:
            print(f"  figure {name} failed: {caption}")
            continue
        files[fig_dir / name] = mark_png(png)
        figures.append((Path(os.path.relpath(fig_dir / name, out.parent)).as_posix(), caption))
    files[json_path] = json.dumps(results, indent=1, ensure_ascii=False) + "\n"
    files[out] = render(results, figures)
    try:
        write_set({out: files.pop(out), json_path: files.pop(json_path), **files})
    except OSError as e:  # a full disk after all the work: the old set is still whole
        raise OutputError(f"cannot write the report ({e.strerror or e}); {str(out)!r}, {str(json_path)!r} and the "
                          "figures are as they were") from None
    bad = [ev for ev in evs if not ev.matches_expectation]
    eq = results["equations"]
    covered = sum(e["status"] != "unchecked" for e in eq.values())
    print(
        f"wrote {out}, {json_path} and {len(figures)} figure(s) in {fig_dir}/: {len(evs)} claims, {len(evs) - len(bad)} as expected, "
        f"{len(bad)} not; {covered}/{len(eq)} equation labels covered"
    )
    for ev in bad:
        print(f"  not as expected: {ev.claim.id}: " + "; ".join(ev.problems()))
    return 0

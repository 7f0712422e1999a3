"""§8.4 and §8.4.3 prose with precise readings: neural-network losses have spurious local minima (the
§8.4 opening), and the minimum-ℓ₂-norm solution in NTK features is dense (the §8.4.3 explanation).

Landscapes are exact (numeric.classify's Gröbner path on a SymPy loss); NTK features are
numeric.chapter8.ntk.TwoLayer.jacobian, tied to SymPy in tests/test_ntk.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import sympy as sp

from numeric import classify as C
from numeric.chapter8.sweeps import ntk_limits as SX
from verify.chapter8 import dense_attacks as DA
from verify.engine.attacks import Quantified, Reading, decide_on_bank
from verify.engine.claim import Erratum, Mutant, Outcome, Proof, Step
from verify.engine.registry import claim

W = sp.Symbol("w", real=True)
Z = sp.Symbol("z", real=True)


# --- §8.4: 'it is unrealistic to expect that all local minima will also be global minima' ---------------------
@dataclass(frozen=True)
class Spurious:
    """The network x ↦ σ(wx) (one neuron, output weight fixed as in (8.81)) fitted to the teacher σ(x) on the
    inputs ``xs`` with the square loss has a local minimum that is not global."""

    activation: sp.Expr
    xs: tuple[int, ...]


def _check_spurious(stmt: Spurious, ctx) -> Outcome:
    sig = sp.Lambda(Z, stmt.activation)
    loss = sp.expand(sum((sig(W * x) - sig(x)) ** 2 for x in stmt.xs))
    L = C.critical_points(loss, (W,))
    fstar = min(p.value for p in L.local_minima)
    spur = [p for p in L.local_minima if p.value > fstar + 1e-9]
    steps = [Step("loss", f"L(w) = Σ_x (σ(wx) − σ(x))², x ∈ {set(stmt.xs)}; teacher w = 1 gives L = 0", derived=loss),
             Step("landscape", f"{L.method}: " + "; ".join(f"{p.label} at w = {p.x[0]:.5f}, L = {p.value:.5g}" for p in L.points),
                  holds=bool(spur))]
    return Outcome(bool(spur), ["symbolic"], 1, float(spur[0].value - fstar) if spur else 0.0,
                   None if spur else {"local minima": [(float(p.x[0]), float(p.value)) for p in L.local_minima]},
                   steps=steps, strength="exact" if L.method.startswith("exact") else "certified",
                   sizes=[f"σ(z) = {stmt.activation}, x ∈ {set(stmt.xs)}"],
                   proof=[Proof("exact" if L.method.startswith("exact") else "interval",
                                f"the critical points of the exact loss ({L.method})", loss)])


claim(
    id="sec:8.4:spurious-minima",
    section="8.4",
    kind="algorithmic",
    title="'Unrealistic to expect all local minima global' for networks: σ(wx), σ = z³ − 3z, has a spurious minimum",
    printed=r"\text{it is unrealistic to expect that all local minima will also be global minima in this setting}",
    statement=Spurious(Z**3 - 3 * Z, (1, 2)),
    check=_check_spurious,
    mutants=[
        Mutant("a linear neuron σ(z) = z (a linearised network, §8.3.3) has a spurious local minimum",
               Spurious(Z, (1, 2))),
        Mutant("one input x = 2 already gives a spurious local minimum", Spurious(Z**3 - 3 * Z, (2,))),
    ],
    notes=["precise reading: the class 'neural-network training losses' contains an instance with a non-global "
           "local minimum; here one smooth neuron x ↦ σ(wx), output weight fixed as in (8.81), two inputs and a "
           "realisable teacher (global value 0): the local minimum at w ≈ −0.127 has loss ≈ 7.23 (exact, Gröbner)",
           "the same holds for ReLU in the weak sense of Definition 8.1: a neuron with wᵢᵀx⁽ʲ⁾ < 0 on every input is "
           "dead, the loss is constant near it (a local minimum) and larger than a fitting network's",
           "'unrealistic to expect' is a judgement and admits no proof; its checkable core — some network loss "
           "has a non-global local minimum — is an existence statement, and this one exact instance settles it",
           "second reader V1 (2026-12-08): HOLDS; z³ − 3z is not 1-Lipschitz, so it is outside (8.80) (a hypothesis of "
           "§8.4.1, after this sentence); a member inside (8.78)–(8.81): σ = sin, m = 1, a = 1, inputs 1 and 2, teacher "
           "w* = 1, L(w) = (sin w − sin 1)² + (sin 2w − sin 2)² has a local minimum at w = 3.32923544616 (L'' = 10.06) "
           "with L = 1.35140147568 > 0 = L(1) (50-digit root of L'; the reader's check, not re-run here)"],
)


# --- §8.4.3: 'the minimum ℓ₂-norm solution is typically dense' ------------------------------------------------
@dataclass(frozen=True)
class Dense:
    """Minimum-norm interpolant Δθ̂ = Φ⁺y of Example 8.34 (y = x₁x₂ on {±1}ᵈ) in the NTK features of a
    symmetric ReLU network: at least ``moving`` of the m neurons move, and the irrelevant coordinates
    x₃…x_d carry a share of ‖ΔW‖² between ``share_lo`` and ``share_hi``."""

    moving: float = 1.0  # fraction of neurons with ‖Δwᵢ‖ > 10⁻⁸ max
    share_lo: float = 0.1
    share_hi: float = 1.0
    max_moving: int | None = None  # a sparse reading: at most this many neurons move
    active_only: bool = False  # count only the neurons active (wᵢᵀx > 0) on some sample (a dead ReLU neuron never moves)
    antipodal_free: bool = True  # the reading is about data with no antipodal pair x, −x (the full cube only illustrates)


def _antipodal(X) -> bool:
    G = np.asarray(X) @ np.asarray(X).T
    d = np.asarray(X).shape[1]
    return bool(np.any(np.triu(np.isclose(G, -d), 1)))


@lru_cache(maxsize=None)
def _reviewer_designs(seed: int) -> tuple:
    """The second reader's designs: the full cube {±1}¹⁰ (n = 1024 ≫ d², wide net m = 6000: the irrelevant share
    falls to ≈ 0.087) and few samples (n = 3, d = 6; n = 4, d = 10; m = 4000: some neurons are dead on every sample).
    Rows (d, n, m, residual, moving, active, moving-and-active, share of x₃…x_d); Δθ̂ = Φᵀ(ΦΦᵀ)⁻¹y without Φ."""
    import itertools

    from numeric.chapter8 import ntk as nn

    out = []
    cube = np.array(list(itertools.product([-1.0, 1.0], repeat=10)))
    rng = np.random.default_rng(seed)

    def distinct(n, d):  # n distinct points of {±1}ᵈ (a repeated sample makes ΦΦᵀ singular: seeds 15, 17 drew one)
        idx = rng.choice(2**d, size=n, replace=False)
        return np.array([[1.0 if (i >> k) & 1 else -1.0 for k in range(d)] for i in idx])

    for X, m in ((cube, 6000), (distinct(3, 6), 4000), (distinct(4, 10), 4000)):
        net = nn.init(m, X.shape[1], np.random.default_rng(seed + X.shape[0]), act="relu", symmetric=True)
        y = X[:, 0] * X[:, 1]
        D = net.grad_dot(X, np.linalg.solve(net.ntk(X), y)).reshape(m, X.shape[1])
        norms = np.linalg.norm(D, axis=1)
        mv = norms > 1e-8 * norms.max()
        act = np.any(X @ net.W.T > 0, axis=0)
        out.append((X.shape[1], X.shape[0], m, float(np.linalg.norm(net.jvp(X, D.ravel()) - y)), int(mv.sum()),
                    int(act.sum()), int((mv & act).sum()), float(np.sum(D[:, 2:] ** 2) / np.sum(D**2)), _antipodal(X)))
    return tuple(out)


# The second reader's exact instances (2026-12-07): data without antipodal pairs, width 4 = two symmetric pairs
# (w, a) and (w, −a), so f_θ⁰ ≡ 0; Φ has full row rank and Φ⁺y = Φᵀ(ΦΦᵀ)⁻¹y is computed in exact arithmetic.
READER_EXACT = (
    ("share 0: X = {(1,1,±1), (1,−1,±1)}, w = ±e₂",
     ((1, 1, 1), (1, 1, -1), (1, -1, 1), (1, -1, -1)), ((0, 1, 0), (0, -1, 0), (0, 1, 0), (0, -1, 0))),
    ("active neurons at rest: X = {(1,1,−1), (−1,1,−1), (1,1,1)}, w ∈ {e₂, e₂ + 2e₃}",
     ((1, 1, -1), (-1, 1, -1), (1, 1, 1)), ((0, 1, 0), (0, 1, 2), (0, 1, 0), (0, 1, 2))),
)


@lru_cache(maxsize=None)
def _reader_exact(k: int) -> tuple:
    """(name, n, m, neurons active on a sample, of those the ones that move, exact share of x₃…x_d as a str)."""
    name, xs, ws = READER_EXACT[k]
    X = [sp.Matrix(x) for x in xs]
    W_ = [sp.Matrix(w) for w in ws]
    a, m = (1, 1, -1, -1), len(ws)
    assert all(sum(aj * max((w.T * x)[0], 0) for w, aj in zip(W_, a)) == 0 for x in X)  # f_θ⁰ ≡ 0 on the data
    Phi = sp.Matrix([sum((list(aj * (1 if (w.T * x)[0] > 0 else 0) * x / sp.sqrt(m)) for w, aj in zip(W_, a)), [])
                     for x in X])
    assert Phi.rank() == len(X)
    y = sp.Matrix([x[0] * x[1] for x in X])
    D = (Phi.T * (Phi * Phi.T).inv() * y).reshape(m, 3)
    assert sp.simplify(Phi * D.reshape(3 * m, 1) - y) == sp.zeros(len(X), 1)
    active = [j for j in range(m) if any((W_[j].T * x)[0] > 0 for x in X)]
    moving = [j for j in active if any(v != 0 for v in D.row(j))]
    share = sp.nsimplify(sum(D[j, 2] ** 2 for j in range(m)) / sum(v**2 for v in D))
    return name, len(X), m, len(active), len(moving), str(share)


def _gaussian_share(X, m: int, rng) -> float:
    """Share of ‖Φ⁺y‖² on x₃…x_d for one Gaussian symmetric initialisation of width m (pairs (w, a), (w, −a)):
    ‖ΔW‖² = cᵀKc with c = K⁻¹y, K = ΦΦᵀ; the x₃…x_d part is cᵀK₃c, K₃ the same Gram matrix on those coordinates."""
    M = m // 2
    act = (X @ rng.standard_normal((M, X.shape[1])).T > 0).astype(float)  # both halves share the gates, a² = 1
    P = 2 * (act @ act.T) / m
    K, K3 = P * (X @ X.T), P * (X[:, 2:] @ X[:, 2:].T)
    c = np.linalg.solve(K, X[:, 0] * X[:, 1])
    return float(c @ K3 @ c / (c @ K @ c))


# --- the corrected form: the infinite-width limit ----------------------------------------------------------------
@dataclass(frozen=True)
class DenseLimit:
    """In the infinite-width limit K∞(x, x′) = ⟨x, x′⟩(π − ∠(x, x′))/(2π) (ReLU, a fixed, W trained) the minimum-norm
    interpolant of y = x₁x₂ on every data set X ⊂ {±1}ᵈ without antipodal pairs (d ∈ ``dims``, all of them) puts a
    share between ``share_lo`` and ``share_hi`` of ‖ΔW‖² on x₃…x_d; ``all_active_move``: also every neuron active on
    a sample moves (no positive-measure cone of active neurons stays at rest)."""

    share_lo: float = 0.05
    share_hi: float = 1.0
    dims: tuple[int, ...] = (3, 4)
    all_active_move: bool = False
    half_cube_dims: tuple[int, ...] = ()  # also the antipodal-free half-cube {x ∈ {±1}ᵈ : x₁ = 1} at these d


def half_cube_share(d: int) -> float:
    """The limit share of x₃…x_d in ‖ΔW‖² on the half-cube {x ∈ {±1}ᵈ : x₁ = 1} (n = 2^(d−1), no antipodal pair)."""
    import itertools

    X = np.array([p for p in itertools.product([1.0, -1.0], repeat=d) if p[0] == 1])
    K = _kinf(X)
    c = np.linalg.solve(K, X[:, 0] * X[:, 1])
    return float(c @ _kinf(X, slice(2, None)) @ c / (c @ K @ c))


def _kinf(X, cols=slice(None)):
    G = X @ X.T
    P = (np.pi - np.arccos(np.clip(G / X.shape[1], -1, 1))) / (2 * np.pi)
    return P * (X[:, cols] @ X[:, cols].T)


def _antipodal_free_sets(d: int):
    """Every non-empty X ⊂ {±1}ᵈ without antipodal pairs: each ± pair contributes x, −x or nothing (3^(2^(d−1)) − 1)."""
    import itertools

    reps = np.array([p for p in itertools.product([1.0, -1.0], repeat=d) if p[0] == 1])
    for choice in itertools.product([0, 1, -1], repeat=len(reps)):
        if any(choice):
            yield np.array([s * r for s, r in zip(choice, reps) if s]), reps, choice


@lru_cache(maxsize=None)
def _cells(d: int) -> tuple:
    """Sign vectors s over the representatives p of {±1}ᵈ/± with an open cone {w : s_p wᵀp > 0} (exact LP margin)."""
    import itertools

    from scipy.optimize import linprog

    reps = np.array([p for p in itertools.product([1.0, -1.0], repeat=d) if p[0] == 1])
    out = []
    for s in itertools.product([1, -1], repeat=len(reps)):
        A = np.hstack([-(np.array(s)[:, None] * reps), np.ones((len(reps), 1))])
        r = linprog(np.r_[np.zeros(d), -1.0], A_ub=A, b_ub=np.zeros(len(reps)), bounds=[(-1, 1)] * d + [(None, 1)])
        if r.status == 0 and -r.fun > 1e-6:  # the margin of an integer LP is a rational ≥ 1/(small integer), or 0
            out.append(s)
    return tuple(out)


@lru_cache(maxsize=None)
def _limit_scan(d: int) -> tuple:
    """(number of sets, min share and its X, max share, first (X, cell) with an active cone at rest or None).
    float64 over all sets; the sets within 10⁻⁶ of the minimum are recomputed at 50 digits (mpmath)."""
    import mpmath as mp

    rows, rest = [], None
    for X, reps, choice in _antipodal_free_sets(d):
        K = _kinf(X)
        c = np.linalg.solve(K, X[:, 0] * X[:, 1])
        rows.append((float(c @ _kinf(X, slice(2, None)) @ c / (c @ K @ c)), X))
        if rest is None and d == 3:
            for s in _cells(d):
                act = np.array([s[i] * ch > 0 for i, ch in enumerate(choice) if ch])
                if act.any() and np.linalg.norm((c[act, None] * X[act]).sum(0)) < 1e-12:
                    rest = (X.astype(int).tolist(), [int(v) for v in s])
                    break
    lo = min(r[0] for r in rows)
    with mp.workdps(50):
        exact = []
        for sh, X in rows:
            if sh > lo + 1e-6:
                continue
            n = len(X)
            G = [[mp.mpf(int(v)) for v in row] for row in X @ X.T]
            P = [[(mp.pi - mp.acos(G[i][j] / d)) / (2 * mp.pi) for j in range(n)] for i in range(n)]
            K = mp.matrix([[G[i][j] * P[i][j] for j in range(n)] for i in range(n)])
            K3 = mp.matrix([[int(X[i, 2:] @ X[j, 2:]) * P[i][j] for j in range(n)] for i in range(n)])
            c = mp.lu_solve(K, mp.matrix([int(x[0] * x[1]) for x in X]))
            exact.append(((c.T * K3 * c)[0] / (c.T * K * c)[0], X))
        mn, Xmin = min(exact, key=lambda t: t[0])
        mn = float(mn)
    return len(rows), mn, Xmin.astype(int).tolist(), max(r[0] for r in rows), rest


def _check_dense_limit(stmt: DenseLimit, ctx) -> Outcome:
    rows, bad, worst = [], None, np.inf
    for d in stmt.dims:
        nsets, lo, Xlo, hi, rest = _limit_scan(d)
        ok = stmt.share_lo <= lo and hi <= stmt.share_hi
        rows.append(f"d = {d}: {nsets} data sets, share of x₃…x_d in [{lo:.6f}, {hi:.4f}] (minimum at X = {Xlo}, 50 digits)")
        worst = min(worst, lo - stmt.share_lo)
        if not ok and bad is None:
            bad = {"d": d, "min share": lo, "at X": Xlo, "max share": hi}
        if stmt.all_active_move and d == 3 and rest is not None and bad is None:
            bad = {"d": 3, "X": rest[0], "cone signs over {±1}³/±": rest[1],
                   "reason": "Σ_{i active} cᵢxᵢ = 0 on that open cone: a positive fraction of active neurons stays at rest"}
            rows.append(f"d = 3: the active neurons of the cone {rest[1]} on X = {rest[0]} do not move (c symmetric)")
    for d in stmt.half_cube_dims:  # n = 2^(d−1) ≫ d² samples: the share the chapter's "typically" cannot promise
        sh = half_cube_share(d)
        rows.append(f"d = {d}: the half-cube {{x₁ = 1}} (n = {2 ** (d - 1)}): share {sh:.6f}")
        worst = min(worst, sh - stmt.share_lo)
        if not stmt.share_lo <= sh <= stmt.share_hi and bad is None:
            bad = {"d": d, "X": "the half-cube {x ∈ {±1}ᵈ : x₁ = 1} (antipodal-free)", "n": 2 ** (d - 1), "share": sh}
    # the bank's cube data sets, certified (verify.chapter8.dense_attacks: the attack's decide, so the mutants meet it)
    _, bank, bank_bad = decide_on_bank(DA.DENSE_DATA, lambda m: DA.decide(stmt, m, ctx),
                                       lambda m, o: f"{m.name}: {'held' if o.holds else 'broken'} ({o.notes[0] if o.notes else ''})")
    sets_ok, bad = bad is None, bad or bank_bad
    # the finite width: share_m → share_∞ almost surely (SLLN on the 2n² Gram entries, c = K⁻¹y continuous where
    # K∞ is invertible), so P(share_m ≥ share_lo) → 1 where share_∞ > share_lo; shown on the worst d = 3 set
    X = np.array(_limit_scan(3)[2], float)
    rng = ctx.rng("dense-width")
    widths = (10**3, 10**4) if ctx.profile.scale == 1 else (10**3, 10**4, 10**5)
    freq = []
    for m in widths:
        v = np.array([_gaussian_share(X, m, rng) for _ in range(200)])
        freq.append(f"m = {m}: {np.mean(v < stmt.share_lo):.0%} of 200 initialisations below {stmt.share_lo}, mean {v.mean():.4f}")
    steps = [Step("limit kernel", "K∞(x, x′) = ⟨x, x′⟩(π − ∠(x, x′))/(2π); ‖ΔW‖² = cᵀK∞c, the x₃…x_d part cᵀK∞⁽³⁾c, "
                  "c = K∞⁻¹y (every antipodal-free set has K∞ invertible)"),
             Step("every data set", "; ".join(rows), holds=sets_ok),
             Step("bank cube data sets (certified, interval arithmetic; rest cones exact)", "; ".join(bank),
                  holds=bank_bad is None),
             Step("finite width (why 'with probability → 1', not 'every initialisation')",
                  "the Gram entries are averages of m/2 i.i.d. gates: share_m → share_∞ a.s.; " + "; ".join(freq))]
    return Outcome(bad is None, ["exhaustive", "sweep"], sum(_limit_scan(d)[0] for d in stmt.dims), float(worst), bad,
                   steps=steps, strength="sampled",
                   sizes=[f"every antipodal-free X ⊂ {{±1}}ᵈ, d ∈ {set(stmt.dims)} (float64, minimum at 50 digits)"])


def _check_dense(stmt: Dense | DenseLimit, ctx) -> Outcome:
    if isinstance(stmt, DenseLimit):
        return _check_dense_limit(stmt, ctx)
    rows, bad, worst = [], None, np.inf
    base = [(d, n, m, fit, k, m, k, share, False) for d, n, m, fit, k, share in SX.dense_measure(ctx.seed_for("dense"))]
    shown = []
    for d, n, m, fit, k, active, k_act, share, anti in base + list(_reviewer_designs(ctx.seed_for("dense-reviewer"))):
        if anti and stmt.antipodal_free:  # outside the reading: shown, does not decide
            shown.append(f"d = {d}, n = {n}, m = {m} (has antipodal pairs; illustration): x₃…x_d share {share:.3f}")
            continue
        need, have = (active, k_act) if stmt.active_only else (m, k)
        ok = fit < 1e-8 and have >= stmt.moving * need and stmt.share_lo <= share <= stmt.share_hi
        if stmt.max_moving is not None:
            ok = ok and k <= stmt.max_moving
        rows.append(f"d = {d}, n = {n}, m = {m}: residual {fit:.1e}, {k}/{m} neurons move ({k_act}/{active} of those "
                    f"active on a sample), x₃…x_d share {share:.3f}")
        worst = min(worst, share - stmt.share_lo)
        if not ok and bad is None:
            bad = {"d": d, "n": n, "m": m, "moving neurons": k, "active neurons": active, "irrelevant share": share}
    # the second reader's exact width-4 instances (the same gates on an open set of initialisations), then one
    # Gaussian initialisation of the worst limit set at width 1000
    exact_rows, exact_bad = [], None
    for k in range(len(READER_EXACT)):
        name, n, m, active, moving, share = _reader_exact(k)
        sh = float(sp.Rational(share))
        ok = (not stmt.active_only or moving >= stmt.moving * active) and stmt.share_lo <= sh <= stmt.share_hi
        if stmt.max_moving is not None:
            ok = ok and moving <= stmt.max_moving
        exact_rows.append(f"{name}: {moving}/{active} active neurons move, share of x₃ = {share} (exact)")
        if not ok and exact_bad is None:
            exact_bad = {"instance": name, "n": n, "m": m, "active neurons": active, "moving": moving, "share": share}
    rng = np.random.default_rng(ctx.seed_for("dense-gauss"))
    gauss = np.array([_gaussian_share(np.array(READER_EXACT[0][1], float), 1000, rng) for _ in range(50)])
    sweep_ok = bad is None
    bad = bad or exact_bad
    steps = [Step("sparse alternative", "(8.166): 4 neurons on x₁, x₂ only fit y = x₁x₂ exactly (example:8.34)"),
             Step("minimum-norm interpolant", "; ".join(rows), holds=sweep_ok),
             Step("second reader's exact instances (SymPy)", "; ".join(exact_rows), holds=exact_bad is None),
             Step("50 Gaussian symmetric initialisations, m = 1000 (shown)",
                  f"X = {{(1,1,±1), (1,−1,±1)}}: {int(np.sum(gauss < 0.05))} below 5%, smallest share {gauss.min():.4f}")]
    if shown:
        steps.append(Step("outside the reading (does not decide)", "; ".join(shown)))
    return Outcome(bad is None, ["sweep", "symbolic"], len(rows) + len(exact_rows), float(worst), bad, steps=steps,
                   strength="sampled",
                   sizes=["sampled antipodal-free d ∈ {6, 8, 10}; n = 3, 4 samples in d = 6, 10 (the full cube d = 10 "
                          "shown, not deciding); the reader's two exact d = 3, m = 4 instances"])


claim(
    id="sec:8.4.3:min-norm-dense",
    section="8.4.3",
    kind="algorithmic",
    title="The minimum-ℓ₂-norm NTK solution of Example 8.34 is dense: x₃…x_d carry ≥ 5% of ‖ΔW‖² in the "
          "infinite-width limit at d = 3, 4 (data without antipodal pairs; not for n ≫ d²), with probability → 1 at "
          "finite width",
    printed=r"\text{Furthermore, the minimum } \ell_2\text{-norm solution is typically dense.}",
    statement=Dense(share_lo=0.05, active_only=True),
    check=_check_dense,
    uses=["example:8.34", "lemma:8.25"],
    erratum=Erratum(
        printed=r"\text{(suite's former reading, at finite width, every initialisation) } \Phi^+\vec{y} \text{ moves every "
                r"neuron active on a sample and puts} \geq 5\% \text{ of } \|\Delta W\|^2 \text{ on } x_3, \dots, x_d",
        corrected=r"\text{in the infinite-width limit } K^\infty\text{, for every } X \subset \{\pm1\}^d \text{ without "
                  r"antipodal pairs } (d = 3, 4 \text{ only: not every } d\text{; on the half-cube } \{x_1 = 1\} \text{ the share is "
                  r"} 4.56\% \text{ at } d = 5\text{, } 0.95\% \text{ at } d = 10 \to 0\text{, so density needs } n \ll d^2)\text{, } "
                  r"\Phi^+\vec{y} \text{ puts} \geq 5\% \text{ (minimum } 5.17\%\text{) "
                  r"of } \|\Delta W\|^2 \text{ on } x_3, \dots, x_d\text{; at width } m \text{ only with probability} "
                  r"\to 1 \text{ as } m \to \infty\text{; 'every active neuron moves' dropped (false at every width)}",
        explanation="second reader (2026-12-07), reproduced exactly (SymPy): with X = {(1,1,±1), (1,−1,±1)} (no "
                    "antipodal pair), y = x₁x₂ and width 4 = two symmetric pairs w = ±e₂ (f_θ⁰ ≡ 0, rank Φ = 4), Φ⁺y "
                    "has rows (½,½,0), (−½,½,0), (−½,−½,0), (½,−½,0): share on x₃ exactly 0. Whenever every "
                    "|w_j3| < ||w_j1| − |w_j2|| the gates are invariant under x₃ ↦ −x₃ and the share is 0: an open set "
                    "of initialisations, probability > 0 at every width. With X = {(1,1,−1), (−1,1,−1), (1,1,1)} and "
                    "w ∈ {e₂, e₂ + 2e₃}, the two neurons e₂ + 2e₃ are active on sample 3 and do not move. Gaussian "
                    "symmetric initialisations of the first X fall below 5% in 29% of draws at m = 1000 (seed 12: "
                    "0.0463) and 7% at m = 10⁴. The limit share (K∞, computed for all 80 and 6560 antipodal-free sets "
                    "at d = 3, 4) is ≥ 0.051736 (d = 3, that X) and ≥ 0.0556 (d = 4), and share_m → share_∞ almost "
                    "surely (SLLN on the Gram entries, c = K⁻¹y continuous where K∞ is invertible). 'Every neuron active "
                    "on a sample moves' is false even in the limit: on X = {(1,1,1), (−1,−1,1), (1,−1,1), (−1,1,1)} "
                    "c is (c, c, −c, −c) and the cone of neurons active on all four samples (e.g. w near e₃) has "
                    "Σᵢ cᵢxᵢ = 0. The printed 'typically dense' survives as 'with probability → 1 as m → ∞'",
        corrected_statement=DenseLimit(),
        severity="hypothesis",
    ),
    mutants=[
        Mutant("sparse like (8.166): at most 4 neurons move", Dense(max_moving=4)),
        Mutant("it uses only the relevant x₁, x₂ (share of x₃…x_d ≤ 1%)", Dense(share_lo=0.0, share_hi=0.01, active_only=True)),
        Mutant("the former reading: every neuron moves and x₃…x_d carry ≥ 10%", Dense(share_lo=0.1)),
        Mutant("limit: x₃…x_d carry ≥ 6% on every antipodal-free set", DenseLimit(share_lo=0.06)),
        Mutant("limit: sparse, x₃…x_d carry ≤ 1%", DenseLimit(share_lo=0.0, share_hi=0.01)),
        Mutant("limit: also every neuron active on a sample moves", DenseLimit(all_active_move=True)),
        Mutant("limit: ≥ 5% on every antipodal-free set at every d (the half-cube, d = 5, 6, 10; second reader S3)",
               DenseLimit(dims=(3,), half_cube_dims=(5, 6, 10))),
    ],
    quantified=Quantified(DA.DENSE_DATA, DA.decide, extra=("full cube {±1}³",),
                          readings=(Reading("every d: ≥ 5% on every antipodal-free set at d = 3, 4, 5, 6 (second reader S3)",
                                            DenseLimit(dims=(3, 4, 5, 6)), expect=False),)),
    notes=["attacks: the bank's cube data sets (numeric/adversaries/cube.py: antipodal-free X ⊂ {±1}ᵈ labelled x₁x₂, "
           "hypotheses exact), the limit share certified by interval arithmetic at 50 digits "
           "(verify/chapter8/dense_attacks.py): the corrected form holds on the 4 admitted members at d = 3, 4 (half-cubes "
           "0.051736…, exactly 1/18; the x₃ = 1 set 0.1261; one sample 1/3), the members at d = 5, 6 are n/a; the "
           "reading 'every d' falls on the half-cube d = 5 (0.045596 < 0.05); the printed finite-width reading is n/a "
           "there (it quantifies over initialisations: the reader's exact width-4 instances in the check break it); the "
           "mutants ≥ 6% (half-cubes), ≤ 1% (every member), every-d (half-cube d = 5) and 'every active neuron moves' "
           "(the x₃ = 1 set: w = (−1, 0, 2) active on all four samples, Σcᵢxᵢ = 0 exactly) fall on the same path",
           "a proof would need the limit share over every antipodal-free X ⊂ {±1}ᵈ at each d (exhaustive here at d = 3, 4 "
           "only) and a rate for share_m → share_∞; the half-cube values are float64, not bounds",
           "second reader S3 (2026-12-07, on the corrected form): too weak for Example 8.34/Theorem 8.35, which are "
           "for every d — the half-cube {x ∈ {±1}ᵈ : x₁ = 1} has no antipodal pair and its limit share is 0.045596 "
           "(d = 5), 0.0340 (d = 6), 0.0095 (d = 10) → 0 (reproduced: half_cube_share); the corrected form now says "
           "d = 3, 4 only and that density needs n ≪ d², and 'every d' is a mutant the check kills",
           "second reader (2026-12-07): FALSE-VERIFIED at finite width (exact width-4 instances with share 0 and with "
           "active neurons at rest; Gaussian share < 5% in 29% of draws at m = 1000); the claim is now an erratum: "
           "the printed (finite-width, every initialisation) reading is refuted by the reader's exact instances, the "
           "corrected form is the infinite-width statement over every antipodal-free X ⊂ {±1}ᵈ, d = 3, 4 "
           "(float64, the minimum recomputed at 50 digits), with the finite-width frequency shown; 'every active "
           "neuron moves' is dropped — it fails in the limit too (a new mutant the check kills)",
           "the reading is restricted to data without antipodal pairs (x and −x never both samples; the sweep draws "
           "such samples, the same condition as eq:8.95): on the full cube {±1}ᵈ, which holds every antipodal pair, "
           "ΦΦᵀ of the ReLU net is singular and the infinite-width Walsh formula puts 0.081, 0.051, 0.047, 0.041, "
           "0.029 of ‖ΔW‖² on x₃…x_d at d = 10, 12, 13, 14, 18 — below 5% from d = 13 (second reader; finite m "
           "at d = 12 gave 0.083, d ≥ 13 was not run). The full cube d = 10 is shown as an illustration only. "
           "Antipodal-free random cube data keep 8–21% (second reader: n up to 6000, d = 12 … 32)",
           "an earlier reading ('moves every neuron, at least 10% on x₃…x_d') was broken by a second reader in two "
           "regimes and is a mutant: a ReLU neuron with wᵢᵀxⱼ ≤ 0 on every sample has a zero feature row and never "
           "moves, and on the full cube {±1}¹⁰ (n = 1024 ≫ d²) the irrelevant share falls to ≈ 0.087 at m = 6000",
           "Δθ̂ = Φᵀ(ΦΦᵀ)⁻¹y is a combination of the rows aᵢσ'(wᵢᵀx)x, which involve every coordinate of x — the "
           "'dense combination of features' of the §8.4.3 explanation (the sample cost of that density is thm:8.35)",
           "the corrected form is exhaustive only for d = 3, 4 (the limit share at larger d is the sampled sweep of "
           "the printed check, 8–21%); the finite-width convergence is the SLLN argument, shown, not a rate; the "
           "Quantified is over data sets only: the reader's finite-width instances are decided in the check (the network "
           "bank holds no ReLU min-norm members yet)"],
)

"""Exact identities between scalar matrix expressions, proved two independent ways.

1. The trace normal form (symbolic.trace_normal_form): a proof at generic d.
2. Explicit components at a concrete d with symbolic entries (symbolic.explicit):
   a proof for every d by the invariance argument when d ≥ (#vectors + 2).
When the two sides differ, an exact counterexample is drawn: small random integer
matrices at d = 3, both sides evaluated in rational arithmetic.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import sympy as sp
from sympy import ImmutableMatrix, MatrixSymbol

from symbolic.explicit import evaluate, symbolic_instance
from symbolic.trace_normal_form import NormalForm, word_expr

from verify.engine.claim import Mutant, Outcome, Premise, Proof, Step
from verify.engine.context import Context


@dataclass(frozen=True)
class MatrixIdentity:
    """lhs == rhs for every value of the matrix symbols (after ``atom_subs``).

    ``series_in``/``order``: compare only the coefficients of t^0..t^order of a
    series in the scalar symbol ``series_in`` (for "... + higher order terms").
    ``atom_subs`` are the premises (claim.Premise) the proof applies: a normal-form atom and its value
    (for example ⟨vᵀ v⟩ = 1 for a unit vector), each with its source. A hypothesis of the statement or a
    premise backed by a claim in ``uses`` is imposed on both checks; a derived or checked-on-instance
    premise is not: the component check must show it holds on its instance (zero modulo the structural
    hypotheses), else the proof fails. ``sampler`` draws instances that satisfy the hypotheses, for
    counterexamples. ``orthogonal`` letters must be square.
    """

    lhs: sp.Expr
    rhs: sp.Expr
    symbols: tuple[MatrixSymbol, ...]
    symmetric: tuple[MatrixSymbol, ...] = ()
    dim: sp.Symbol | None = None
    series_in: sp.Symbol | None = None
    order: int | None = None
    atom_subs: tuple[tuple[str, sp.Expr], ...] = ()
    sampler: Callable[[np.random.Generator, int], dict] | None = None
    explicit_d: int | None = None
    label: str = "identity"
    masks: tuple[MatrixSymbol, ...] = ()  # 0/1 patterns W, used as P_Ω(A) = HadamardProduct(W, A)
    only_order: bool = False  # compare only the t^order coefficient (not t^0..t^order)
    units: tuple[MatrixSymbol, ...] = ()  # letters with entries ±1: aᵢ² = 1 inside indexed sums (a hypothesis)
    orthogonal: tuple[MatrixSymbol, ...] = ()  # square letters with UᵀU = UUᵀ = I (a hypothesis)
    eigen: tuple[tuple, ...] = ()  # (M, v, λ): Mv = λv (a hypothesis)
    mask_zero: tuple[tuple, ...] = ()  # (W, e): P_W(eeᵀ) = 0, i.e. W_ij e_i e_j = 0 (a hypothesis)

    def __post_init__(self) -> None:
        for U in self.orthogonal:
            if sp.simplify(U.shape[0] - U.shape[1]) != 0:
                raise ValueError(f"{self.label}: orthogonal= needs a square matrix: {U.name} is "
                                 f"{U.shape[0]}×{U.shape[1]} (VᵀV = I does not give VVᵀ = I)")
        for p in self.atom_subs:
            if not isinstance(p, Premise):
                raise ValueError(f"{self.label}: atom_subs takes Premise objects with their source "
                                 f"(hypothesis, derived, checked-on-instance, uses:<claim id>), not {p!r}")

    @property
    def premises(self) -> tuple[Premise, ...]:
        return tuple(self.atom_subs)

    def premise_mutants(self) -> list[Mutant]:
        """One mutant per premise, its value changed: the proof must fail without the true premise."""
        out = []
        for i, p in enumerate(self.atom_subs):
            v = sp.sympify(p.value)
            wrong = 2 * v if v != 0 else sp.Integer(1)
            subs = self.atom_subs[:i] + (Premise(p.atom, wrong, p.source),) + self.atom_subs[i + 1:]
            out.append(Mutant(f"premise {p.atom} = {wrong} (not {v}; {p.source})",
                              dataclasses.replace(self, atom_subs=subs), premise=p))
        return out


def _truncate(expr: sp.Expr, t: sp.Symbol | None, order: int | None, only: bool = False) -> sp.Expr:
    if t is None:
        return sp.expand(expr)
    poly = sp.Poly(sp.expand(expr), t)
    keep = (lambda k: k == order) if only else (lambda k: k <= order)
    return sp.expand(sum(c * t**k[0] for k, c in zip(poly.monoms(), poly.coeffs()) if keep(k[0])))


def integer_instance(stmt: MatrixIdentity, rng: np.random.Generator, d: int = 3) -> dict:
    """Small random integer matrices (symmetric PSD ones as AAᵀ), and small integer scalars."""
    out = {}
    sym = {s.name for s in stmt.symmetric}
    for S in stmt.symbols:
        r = d if S.shape[0] != 1 else 1
        c = d if S.shape[1] != 1 else 1
        A = rng.integers(-3, 4, size=(r, c)) if S not in stmt.units else rng.choice([-1, 1], size=(r, c))
        if S in stmt.orthogonal:  # an orthogonal integer matrix: a signed permutation
            A = np.eye(d, dtype=int)[rng.permutation(d)] * rng.choice([-1, 1], size=d)
        if S.name in sym:
            A = A @ A.T
        out[S] = ImmutableMatrix(A.tolist())
    for M_, v_, lam in stmt.eigen:  # Mv = λv: v = e_k and M with e_k as an eigenvector (λ = M_kk)
        if M_.name not in sym:
            raise ValueError("integer_instance: eigenpairs need a symmetric M")
        k = int(rng.integers(0, d))
        A = np.array(out[M_].tolist(), dtype=object)
        A[k, :] = 0
        A[:, k] = 0
        A[k, k] = int(rng.integers(-3, 4))
        out[M_] = ImmutableMatrix(A.tolist())
        out[v_] = ImmutableMatrix([[1 if i == k else 0] for i in range(d)])
        out[lam] = sp.Integer(A[k, k])
    for W in stmt.masks:  # a random 0/1 pattern, symmetric when declared so
        A = rng.integers(0, 2, size=(d, d))
        if W.name in sym:
            A = np.triu(A) + np.triu(A, 1).T
        for W_, e_ in stmt.mask_zero:  # e = e_k with (k, k) ∉ Ω
            if W_ == W:
                k = int(rng.integers(0, d))
                A[k, k] = 0
                out[e_] = ImmutableMatrix([[1 if i == k else 0] for i in range(d)])
        out[W] = ImmutableMatrix(A.tolist())
    return out


def check_matrix_identity(stmt: MatrixIdentity, ctx: Context) -> Outcome:
    subs = {sp.Symbol(p.atom): p.value for p in stmt.atom_subs}
    nf = NormalForm(stmt.symmetric, stmt.dim, stmt.masks, stmt.units, stmt.orthogonal, stmt.eigen, stmt.mask_zero)
    l_nf, r_nf = nf(stmt.lhs).xreplace(subs), nf(stmt.rhs).xreplace(subs)
    diff = _truncate(sp.expand(l_nf - r_nf), stmt.series_in, stmt.order, stmt.only_order)
    steps = [
        Step(f"{stmt.label}: lhs", "normal form of the left-hand side", derived=_truncate(l_nf, stmt.series_in, stmt.order, stmt.only_order)),
        Step(f"{stmt.label}: rhs", "normal form of the right-hand side", derived=_truncate(r_nf, stmt.series_in, stmt.order, stmt.only_order)),
        Step(f"{stmt.label}: lhs − rhs", "difference (0 proves the identity at generic d)", derived=diff, holds=diff == 0),
    ]
    methods = ["symbolic"]
    generic_ok = diff == 0

    # second method: explicit components, independent of the normal form; the hypotheses
    # behind atom_subs become polynomial equations in the entries, and the difference is
    # reduced modulo their Gröbner basis (zero proves it on the solutions at that size)
    nvec = sum(1 for S in stmt.symbols if 1 in S.shape)
    d = stmt.explicit_d or nvec + 2
    vals = symbolic_instance(list(stmt.symbols) + list(stmt.masks) + [u for u in stmt.units if u not in stmt.symbols],
                             d, stmt.symmetric)
    ediff, premise_gaps = _explicit_difference(stmt, nf, vals, d)
    explicit_ok = ediff == 0
    methods.append(f"explicit d={d}")
    steps.append(Step(f"{stmt.label}: components",
                      f"lhs − rhs with symbolic entries at d = {d}" + (" under the hypotheses" if stmt.atom_subs else ""),
                      derived=ediff if ediff != 0 else sp.Integer(0), holds=explicit_ok))
    for p, gap in premise_gaps:
        steps.append(Step(f"{stmt.label}: premise {p.atom} = {p.value}",
                          f"{p.source}: checked on the component instance at d = {d} (atom − value modulo the "
                          "structural hypotheses; 0 means it holds there)", derived=gap, holds=gap == 0))
    bad = [(p, gap) for p, gap in premise_gaps if gap != 0]
    if bad:
        p, gap = bad[0]
        return Outcome(False, methods + ["premise check"], examples=1, counterexample={
            "premise": f"{p.atom} = {p.value} ({p.source})", "does not hold on the instance at d": d,
            "atom − value modulo the hypotheses": str(gap)}, steps=steps,
            notes=[f"the premise {p.atom} = {p.value} is not a consequence of the hypotheses: the proof fails"],
            strength="proved", proof=[Proof("symbolic", f"premise {p.atom} − {p.value} reduces to {gap} ≠ 0 modulo "
                                            f"the hypotheses at d = {d}", gap, path="component check (premise)")],
            decided_by=["component check (premise)"])

    if generic_ok and explicit_ok:
        hyp = bool(stmt.atom_subs or stmt.orthogonal or stmt.units or stmt.eigen or stmt.mask_zero)
        note = "proved for every d (trace normal form" + (", with the hypotheses as rewrite rules" if hyp else "") + \
            f"); independently exact at d = {d} with symbolic entries" + (
                " (reduced modulo the hypotheses)" if hyp else "")
        proof = [Proof("symbolic", "trace normal form: lhs − rhs = 0 at generic d", diff, path="normal form"),
                 Proof("symbolic", f"components at d = {d}: lhs − rhs reduces to 0", ediff, path="component check")]
        return Outcome(True, methods, examples=1, worst_margin=0.0, steps=steps, notes=[note], strength="proved",
                       proof=proof, decided_by=["normal form", "component check"])

    # look for an exact counterexample
    rng = ctx.rng("identity-counterexample")
    for _ in range(20):
        inst = stmt.sampler(rng, 3) if stmt.sampler else integer_instance(stmt, rng)
        scal = {k: v for k, v in inst.items() if not getattr(k, "is_Matrix", False)}  # eigenvalues λ
        inst = {k: v for k, v in inst.items() if getattr(k, "is_Matrix", False)}
        d = next(iter(inst.values())).shape[0]
        lv = sp.expand(evaluate(stmt.lhs, inst, d).xreplace(scal))
        rv = sp.expand(evaluate(stmt.rhs, inst, d).xreplace(scal))
        gap = _truncate(sp.expand(lv - rv), stmt.series_in, stmt.order, stmt.only_order)
        if gap != 0:
            ce = {S.name: np.array(V.tolist(), dtype=object).tolist() for S, V in inst.items()}
            ce.update({str(k): str(v) for k, v in scal.items()})
            ce.update(lhs=str(_truncate(lv, stmt.series_in, stmt.order, stmt.only_order)), rhs=str(_truncate(rv, stmt.series_in, stmt.order, stmt.only_order)))
            paths = (["normal form"] if not generic_ok else []) + (["component check"] if not explicit_ok else [])
            return Outcome(False, methods + ["exact counterexample"], examples=1,
                           worst_margin=None, counterexample=ce, steps=steps,
                           strength="exact", sizes=[f"d = {d}, one integer instance"],
                           proof=[Proof("exact", "lhs − rhs on an integer instance, in rational arithmetic", gap,
                                        size=f"d = {d}", path=" + ".join(paths))],
                           decided_by=paths)
    notes = ["normal forms differ but no counterexample was found: atoms may be dependent"]
    if generic_ok != explicit_ok:
        notes.append(f"the two exact methods disagree (generic {generic_ok}, explicit {explicit_ok})")
    return Outcome(None, methods, steps=steps, notes=notes, strength="sampled")


def _explicit_difference(stmt: MatrixIdentity, nf: NormalForm, vals: dict, d: int) -> sp.Expr:
    """lhs − rhs at d with symbolic entries; 0/1 mask entries reduced (ω² = ω), hypotheses imposed."""
    diff = _truncate(evaluate(stmt.lhs, vals, d) - evaluate(stmt.rhs, vals, d), stmt.series_in, stmt.order, stmt.only_order)
    mask_syms = set().union(*(vals[W].free_symbols for W in stmt.masks)) if stmt.masks else set()
    if mask_syms:
        diff = sp.expand(diff).replace(lambda e: e.is_Pow and e.base in mask_syms and e.exp.is_Integer and e.exp > 0,
                                       lambda e: e.base)
    unit_syms = set().union(*(vals[u].free_symbols for u in stmt.units)) if stmt.units else set()
    if unit_syms:  # aᵢ ∈ {±1}: aᵢ^k = aᵢ^(k mod 2)
        diff = sp.expand(diff).replace(lambda e: e.is_Pow and e.base in unit_syms and e.exp.is_Integer and e.exp > 1,
                                       lambda e: e.base ** (int(e.exp) % 2))
    # (returns the difference and, per derived / checked-on-instance premise, its residual on the instance)
    if not (stmt.atom_subs or stmt.orthogonal or stmt.eigen or stmt.mask_zero):
        return sp.expand(diff), []
    by_name = {S.name: S for S in stmt.symbols}
    eqs = []
    for W_, e_ in stmt.mask_zero:  # W_ij e_i e_j = 0
        Wv, ev = vals[W_], vals[e_]
        eqs += [sp.expand(Wv[i, j] * ev[i] * ev[j]) for i in range(Wv.shape[0]) for j in range(Wv.shape[1])]
    for M_, v_, lam in stmt.eigen:  # Mv − λv = 0, entry by entry
        eqs += [sp.expand(e) for e in list(vals[M_] * vals[v_] - lam * vals[v_])]
    for U in stmt.orthogonal:  # UUᵀ = I and UᵀU = I, entry by entry
        Uv = vals[U]
        eqs += [sp.expand(e) for e in list(Uv * Uv.T - sp.eye(Uv.shape[0])) + list(Uv.T * Uv - sp.eye(Uv.shape[0]))]
        eqs = [e for e in dict.fromkeys(eqs) if e != 0]
    checked = []  # derived / checked-on-instance premises: verified on the instance, never imposed
    for p in stmt.atom_subs:
        w = nf.atoms.get(p.atom)
        if w is None:
            if p.source == "hypothesis":
                continue  # a hypothesis this identity does not need (its value never enters)
            raise ValueError(f"{stmt.label}: premise on an unknown atom {p.atom}")
        e = word_expr(w, by_name)
        e = sp.Trace(e) if e.shape != (1, 1) else e
        rel = sp.expand(evaluate(e, vals, d) - p.value)
        if p.source in ("derived", "checked-on-instance"):
            checked.append((p, rel))
        else:  # a hypothesis of the statement, or backed by a claim in uses: imposed
            eqs.append(rel)
    if diff == 0 and not checked:
        return sp.expand(diff), []
    gens = sorted(set().union(*(e.free_symbols for e in eqs + [r for _, r in checked])) | diff.free_symbols, key=str)
    if not eqs:
        return sp.expand(diff), [(p, r) for p, r in checked]
    try:
        G = sp.groebner(eqs, *gens, order="grevlex", domain=sp.QQ)
    except sp.polys.polyerrors.PolynomialError:  # irrational coefficients: let SymPy pick the domain
        G = sp.groebner(eqs, *gens, order="grevlex")
    gaps = [(p, sp.expand(G.reduce(r)[1])) for p, r in checked]
    return sp.expand(G.reduce(sp.expand(diff))[1]), gaps

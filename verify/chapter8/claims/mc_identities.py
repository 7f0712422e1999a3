"""§8.3.2, the calculus of matrix completion: (8.11)–(8.18) and the trace identities, as printed."""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy import MatrixSymbol

from symbolic.chapter8.matrix_completion import P, frob2, inner

from verify.chapter8.checks.entrywise import EntrywiseIdentity, check_entrywise
from verify.engine.checks.identity import MatrixIdentity, check_matrix_identity
from verify.chapter8.checks.masked import MaskedIdentity, Twice, check_twice
from verify.engine.claim import Erratum, Mutant, Outcome, Proof, Step
from verify.engine.registry import claim
from symbolic.trace_normal_form import P as tP, frob2 as tfrob2, inner as tinner

# generic d: the mask is an operator letter W (P_Ω(A) = W ∘ A) of the trace normal form
_n = sp.Symbol("d", integer=True, positive=True)
_W = MatrixSymbol("W", _n, _n)
_GA, _GB, _GM = (MatrixSymbol(k, _n, _n) for k in "ABM")
_gx, _gv, _gz = (MatrixSymbol(k, _n, 1) for k in "xvz")
_gt = sp.Symbol("t")
_i, _j = sp.symbols("i j", integer=True)


def _generic(build, symbols, label, **kw):
    return MaskedIdentity(build, symbols=symbols, W=_W, symmetric=(_GM,), label=label, **kw)


def _f(x):
    """(8.12) at generic d: ½‖P_Ω(M − xxᵀ)‖²."""
    return sp.Rational(1, 2) * tfrob2(tP(_W, _GM - x * x.T))

# --- (8.11) = (8.12) -----------------------------------------------------------------
claim(
    id="eq:8.12",
    section="8.3.2",
    kind="definition",
    title="The matrix-completion objective: sum over Ω = ½‖P_Ω(M − xxᵀ)‖²",
    printed=r"f(x) \triangleq \tfrac12 \sum_{(i,j)\in\Omega} (M_{ij} - x_i x_j)^2 = \tfrac12\|P_\Omega(M - xx^\top)\|_F^2",
    equations=["8.11", "8.12"],
    statement=EntrywiseIdentity(lambda I: (I.f_sum(), I.f()), label="(8.11) = (8.12)"),
    check=check_entrywise,
    mutants=[
        Mutant("½‖P_Ω(M) − xxᵀ‖² (mask on M only)", EntrywiseIdentity(
            lambda I: (I.f_sum(), sp.Rational(1, 2) * frob2(P(I.W, I.M) - I.x * I.x.T)), label="mutant")),
        Mutant("sum without the ½", EntrywiseIdentity(lambda I: (2 * I.f_sum(), I.f()), label="mutant")),
    ],
    uses=["def:8.9"],
    notes=["exact at d = 3; a proof for every d would need the same entrywise expansion with indexed symbols: "
           "½‖P_Ω(A)‖² = ½Σ_{(i,j)∈Ω} A_ij² is the definition of P_Ω and of the Frobenius norm, a shape-generic "
           "identity not yet run through the indexed normal form"],
)

# --- trace identities used at (8.16) and (8.18) ------------------------------------------
_d = sp.Symbol("d", integer=True, positive=True)
_A, _B, _C = (MatrixSymbol(n, _d, _d) for n in "ABC")
claim(
    id="sec:8.3.2:trace-rule",
    section="8.3.2",
    kind="identity",
    title="⟨A, BC⟩ = ⟨ACᵀ, B⟩",
    printed=r"\langle A, BC\rangle = \langle AC^\top, B\rangle",
    statement=MatrixIdentity(tinner(_A, _B * _C), tinner(_A * _C.T, _B), symbols=(_A, _B, _C), dim=_d,
                             explicit_d=3, label="⟨A, BC⟩"),
    check=check_matrix_identity,
    mutants=[Mutant("⟨A, BC⟩ = ⟨AC, B⟩", MatrixIdentity(tinner(_A, _B * _C), tinner(_A * _C, _B),
                                                       symbols=(_A, _B, _C), dim=_d, explicit_d=3))],
    notes=["general square matrices, no symmetry assumed"],
)

claim(
    id="sec:8.3.2:projection-norm",
    section="8.3.2",
    kind="identity",
    title="‖P_Ω(A)‖² = ⟨P_Ω(A), P_Ω(A)⟩ = ⟨P_Ω(A), A⟩",
    printed=r"\|P_\Omega(A)\|_F^2 = \langle P_\Omega(A), P_\Omega(A)\rangle = \langle P(\Omega(A)), A\rangle",
    statement=Twice(
        _generic(lambda W: (tfrob2(tP(W, _GA)), tinner(tP(W, _GA), _GA)), (_GA,), "‖P(A)‖² = ⟨P(A), A⟩"),
        EntrywiseIdentity(lambda I: (frob2(P(I.W, I.M + I.x * I.v.T)), inner(P(I.W, I.M + I.x * I.v.T), I.M + I.x * I.v.T)),
                          label="‖P(A)‖² = ⟨P(A), A⟩")),
    check=check_twice,
    mutants=[Mutant("‖P_Ω(A)‖² = ⟨A, A⟩", Twice(
        _generic(lambda W: (tfrob2(tP(W, _GA)), tfrob2(_GA)), (_GA,), "mutant"),
        EntrywiseIdentity(lambda I: (frob2(P(I.W, I.M + I.x * I.v.T)), frob2(I.M + I.x * I.v.T)), label="mutant")))],
    notes=["the printed 'P(Ω(A))' is a typo for P_Ω(A)",
           "proved for a general d×d matrix A and every d (the mask as an idempotent, self-adjoint operator letter); "
           "re-checked entrywise at d = 3 with A = M + xvᵀ"],
)

claim(
    id="eq:8.15",
    section="8.3.2",
    kind="identity",
    title="⟨A, P_Ω(B)⟩ = Σ_{(i,j)∈Ω} A_ij B_ij",
    printed=r"\langle A, P_\Omega(B)\rangle = \sum_{(i,j)\in\Omega} A_{ij}B_{ij}",
    equations=["8.15"],
    statement=Twice(
        _generic(lambda W: (tinner(_GA, tP(W, _GB)), sp.Sum(W[_i, _j] * _GA[_i, _j] * _GB[_i, _j], (_i, 0, _n - 1), (_j, 0, _n - 1))),
                 (_GA, _GB), "(8.15)"),
        EntrywiseIdentity(lambda I: (inner(I.M + I.x * I.v.T, P(I.W, I.z * I.v.T)),
                                     sum(I.W[i, j] * (I.M + I.x * I.v.T)[i, j] * (I.z * I.v.T)[i, j]
                                         for i in range(I.d) for j in range(I.d))), label="(8.15)")),
    check=check_twice,
    mutants=[Mutant("⟨A, P_Ω(B)⟩ = ⟨A, B⟩", Twice(
        _generic(lambda W: (tinner(_GA, tP(W, _GB)), tinner(_GA, _GB)), (_GA, _GB), "mutant"),
        EntrywiseIdentity(lambda I: (inner(I.M, P(I.W, I.z * I.v.T)), inner(I.M, I.z * I.v.T)), label="mutant")))],
    uses=["def:8.9"],
    notes=["the exact equality only; the display's second half '≈ p⟨A, B⟩ for any matrices A and B' is the claim "
           "sec:8.3.2:eq-8.15-approx (an erratum: false at A = B = J; true for Lemma 8.17's normalised incoherent pairs)",
           "second reader R3 (2026-12-07): the '≈ p⟨A, B⟩' half stood inside this verified claim, uncovered and false; "
           "the printed form here is now the equality alone and the approximation is its own erratum claim"],
)


# --- (8.16) ------------------------------------------------------------------------------------
def _g16(coef, transpose_part=False):
    def build(I):
        R = I.M - I.x * I.x.T
        lhs = (I.v.T * I.gradient())[0]
        PR = P(I.W, R)
        rhs = coef * (I.v.T * PR * I.x)[0]
        if transpose_part:  # independent mask: −⟨v, (P_Ω(R) + P_Ω(R)ᵀ)x⟩
            rhs = coef / 2 * (I.v.T * (PR + PR.T) * I.x)[0]
        return lhs, rhs
    return build


def _g16_generic(coef, transpose_part=False, masks=("symmetric", "independent")):
    """⟨v, ∇f(x)⟩ as the t¹ coefficient of f(x + tv), against coef·⟨v, P_Ω(R)x⟩ (or its symmetrised form)."""
    def build(W):
        PR = tP(W, _GM - _gx * _gx.T)
        g = coef * sp.Trace(_gv.T * PR * _gx)
        if transpose_part:
            g = coef / 2 * sp.Trace(_gv.T * (PR + PR.T) * _gx)
        return _f(_gx + _gt * _gv), _f(_gx) + _gt * g
    return _generic(build, (_GM, _gx, _gv), "⟨v, ∇f⟩ (t¹ of f(x + tv))", masks=masks, series_in=_gt, order=1)


claim(
    id="eq:8.16",
    section="8.3.2",
    kind="identity",
    title="The gradient of f as a bilinear form",
    printed=r"\langle v, \nabla f(x)\rangle = \langle v, P_\Omega(M - xx^\top)x\rangle = \langle vx^\top, P_\Omega(M - xx^\top)\rangle",
    equations=["8.16"],
    statement=Twice(_g16_generic(1), EntrywiseIdentity(_g16(1), label="⟨v, ∇f⟩ vs ⟨v, P_Ω(M − xxᵀ)x⟩")),
    check=check_twice,
    erratum=Erratum(
        printed=r"\langle v, \nabla f(x)\rangle = \langle v, P_\Omega(M - xx^\top)x\rangle",
        corrected=r"\langle v, \nabla f(x)\rangle = -2\langle v, P_\Omega(M - xx^\top)x\rangle = -2\langle vx^\top, P_\Omega(M - xx^\top)\rangle"
        r"\ (\Omega \text{ symmetric}); \text{ in general } -\langle v, (P_\Omega(R) + P_\Omega(R)^\top)x\rangle",
        explanation="f(x + tv) has t-coefficient −⟨P_Ω(M − xxᵀ), xvᵀ + vxᵀ⟩ = −2⟨v, P_Ω(M − xxᵀ)x⟩ for a symmetric Ω "
        "(the same factor −2 as the PCA gradient erratum); for a mask with independent entries the two halves differ. "
        "The second equality ⟨v, Ax⟩ = ⟨vxᵀ, A⟩ is right.",
        corrected_statement=Twice(_g16_generic(-2, transpose_part=True),
                                  EntrywiseIdentity(_g16(-2, transpose_part=True), label="⟨v, ∇f⟩ = −⟨v, (P(R) + P(R)ᵀ)x⟩")),
    ),
    mutants=[
        Mutant("+⟨v, (P_Ω(R) + P_Ω(R)ᵀ)x⟩ (sign)", Twice(_g16_generic(2, transpose_part=True),
                                                           EntrywiseIdentity(_g16(2, transpose_part=True), label="mutant"))),
        Mutant("−2⟨v, P_Ω(R)x⟩ for an independent mask", Twice(
            _g16_generic(-2, masks=("independent",)), EntrywiseIdentity(_g16(-2), masks=("independent",), label="mutant"))),
    ],
    uses=["eq:8.12", "sec:8.3.2:trace-rule"],
    notes=["the second equality ⟨v, P_Ω(R)x⟩ = ⟨vxᵀ, P_Ω(R)⟩ is an instance of sec:8.3.2:trace-rule",
           "the sentence after (8.16), 'M − xxᵀ is a rank-2 matrix', is sec:8.3.2:residual-rank (an erratum: rank ≤ 2, "
           "exactly 2 unless x ∥ z)"],
)


# --- the sentence after (8.16): "M − xxᵀ is a rank-2 matrix" ---------------------------------------------------
@dataclass(frozen=True)
class RankOfResidual:
    """rank(zzᵀ − xxᵀ) `relation` k: "=" (for every x, the printed 'is a rank-2 matrix') or "<=" (at most k)."""
    relation: str = "="
    k: int = 2


_z2 = sp.Matrix([3, 4]) / 5  # the reader's unit z
RANK_POINTS = (("x = z (a global minimum)", _z2), ("x = −z", -_z2), ("x = 0", sp.zeros(2, 1)),
               ("x = z/2", _z2 / 2), ("x = e₁", sp.Matrix([1, 0])))


def _minors_vanish(k: int) -> sp.Expr:
    """A (k+1)×(k+1) minor of zzᵀ − xxᵀ at every d: rows r and columns c carry their own coordinates (z_r, x_r),
    (z_c, x_c) ∈ ℝ^(k+1), independent symbols, so this one determinant stands for every minor of every size d."""
    n = k + 1
    zr, xr, zc, xc = (sp.Matrix(sp.symbols(f"{a}0:{n}")) for a in ("zr", "xr", "zc", "xc"))
    return sp.expand((zr * zc.T - xr * xc.T).det())


def _check_rank(stmt: RankOfResidual, ctx) -> Outcome:
    ranks = {name: (_z2 * _z2.T - x * x.T).rank() for name, x in RANK_POINTS}
    steps, proof = [Step("ranks", "rank(zzᵀ − xxᵀ), z = (3, 4)/5, exact", derived=ranks, holds=None)], []
    if stmt.relation == "=":
        bad = {n: r for n, r in ranks.items() if r != stmt.k}
        holds = not bad
        ce = None if holds else {"z": "(3, 4)/5", "rank": bad, "claimed": stmt.k}
        proof.append(Proof("exact", f"exact ranks at {len(ranks)} points", obj=ranks, size="d = 2",
                           path="exact rank"))
    else:
        over = {n: r for n, r in ranks.items() if r > stmt.k}
        det = _minors_vanish(stmt.k)
        holds = not over and det == 0
        steps.append(Step("minors", f"every {stmt.k + 1}×{stmt.k + 1} minor of zzᵀ − xxᵀ (any d) is 0", derived=det,
                          holds=det == 0))
        ce = None if holds else {"z": "(3, 4)/5", "rank above the bound": over, "minor": str(det)[:120]}
        # both paths decide: the generic minor (0 for every d, or a nonzero polynomial: some x, z exceed the bound)
        # and the exact ranks at the points
        proof += [Proof("symbolic", f"the generic {stmt.k + 1}×{stmt.k + 1} minor expands to "
                        f"{'0' if det == 0 else 'a nonzero polynomial'}", obj=det, path="generic minor"),
                  Proof("exact", "exact ranks", obj=ranks, size="d = 2", path="exact rank")]
    return Outcome(holds, ["symbolic", "exact"], len(ranks), None, ce, steps=steps, proof=proof,
                   strength="proved" if (holds and stmt.relation == "<=") else "exact",
                   sizes=[] if (holds and stmt.relation == "<=") else ["d = 2, z = (3, 4)/5"],
                   decided_by=[p.path for p in proof])


claim(
    id="sec:8.3.2:residual-rank",
    section="8.3.2",
    kind="identity",
    title="After (8.16): 'M − xxᵀ is a rank-2 matrix' — at most 2",
    printed=r"vx^\top \text{ is a rank-1 matrix and } M - xx^\top \text{ is a rank-2 matrix}",
    statement=RankOfResidual("=", 2),
    check=_check_rank,
    erratum=Erratum(
        printed=r"M - xx^\top \text{ is a rank-2 matrix}",
        corrected=r"\operatorname{rank}(M - xx^\top) = \operatorname{rank}(zz^\top - xx^\top) \leq 2 "
        r"\ (= 2 \text{ iff } x, z \text{ are linearly independent; } vx^\top \text{ likewise has rank} \leq 1)",
        explanation="severity: edge-case. zzᵀ − xxᵀ = [z x]·diag(1, −1)·[z x]ᵀ factors through ℝ², so its rank is at most "
        "2, and exactly 2 only when x and z are linearly independent: at the points the section is about it is less "
        "(second reader R3, exact: z = (3, 4)/5, rank 0 at x = ±z, the global minima; 1 at x = 0 and at x = z/2; 2 at "
        "x = e₁). Likewise vxᵀ has rank 0 when v or x is 0. Nothing downstream uses the rank exactly 2.",
        corrected_statement=RankOfResidual("<=", 2),
        severity="edge-case",
    ),
    mutants=[Mutant("rank at most 1", RankOfResidual("<=", 1)),
             Mutant("rank at most 0 (M = xxᵀ)", RankOfResidual("<=", 0))],
    notes=["second reader R3 (2026-12-07): UNCOVERED-FALSE (minor) — the sentence was covered only by a note on eq:8.16; "
           "now its own erratum claim, decided exactly (ranks with SymPy) and the bound proved for every d (the generic "
           "3×3 minor, rows and columns with independent coordinates, expands to 0)"],
)


# --- (8.17)–(8.18) ------------------------------------------------------------------------------
def _hess(c_norm=1, c_inner=2, inner_form=False, use_mask_in_norm=True):
    def build(I):
        B = I.v * I.x.T + I.x * I.v.T
        R = I.M - I.x * I.x.T
        lhs = 2 * I.taylor(2)  # ⟨v, ∇²f(x) v⟩ = 2 × (t² coefficient of f(x + tv))
        norm = inner(P(I.W, B), B) if inner_form else frob2(P(I.W, B) if use_mask_in_norm else B)
        return lhs, c_norm * norm - c_inner * inner(P(I.W, R), I.v * I.v.T)
    return build


def _hess_generic(c_norm=1, c_inner=2, inner_form=False, use_mask_in_norm=True):
    """⟨v, ∇²f(x)v⟩ = 2 × (t² coefficient of f(x + tv)), against the printed right-hand side."""
    def build(W):
        B = _gv * _gx.T + _gx * _gv.T
        norm = tinner(tP(W, B), B) if inner_form else tfrob2(tP(W, B) if use_mask_in_norm else B)
        rhs = c_norm * norm - c_inner * tinner(tP(W, _GM - _gx * _gx.T), _gv * _gv.T)
        return 2 * _f(_gx + _gt * _gv), _gt**2 * rhs
    return _generic(build, (_GM, _gx, _gv), "⟨v, ∇²f v⟩ (2 × t² of f(x + tv))", series_in=_gt, order=2, only_order=True)


claim(
    id="eq:8.17",
    section="8.3.2",
    kind="identity",
    title="The Hessian quadratic form of f",
    printed=r"\langle v, \nabla^2 f(x)v\rangle = \|P_\Omega(vx^\top + xv^\top)\|_F^2 - 2\langle P_\Omega(M - xx^\top), vv^\top\rangle",
    equations=["8.17"],
    statement=Twice(_hess_generic(), EntrywiseIdentity(_hess(), label="(8.17)")),
    check=check_twice,
    mutants=[
        Mutant("coefficient 1 on ⟨P_Ω(M − xxᵀ), vvᵀ⟩", Twice(_hess_generic(c_inner=1),
                                                               EntrywiseIdentity(_hess(c_inner=1), label="mutant"))),
        Mutant("‖vxᵀ + xvᵀ‖² without the mask", Twice(_hess_generic(use_mask_in_norm=False),
                                                      EntrywiseIdentity(_hess(use_mask_in_norm=False), label="mutant"))),
    ],
    uses=["eq:8.12"],
    notes=["⟨v, ∇²f(x)v⟩ is derived as twice the t² coefficient of f(x + tv); holds for symmetric and "
           "independent masks alike"],
)

claim(
    id="eq:8.18",
    section="8.3.2",
    kind="identity",
    title="(8.17) with ‖P_Ω(A)‖² = ⟨P_Ω(A), A⟩",
    printed=r"= \langle P_\Omega(vx^\top + xv^\top), vx^\top + xv^\top\rangle - 2\langle P_\Omega(M - xx^\top), vv^\top\rangle",
    equations=["8.18"],
    statement=Twice(_hess_generic(inner_form=True), EntrywiseIdentity(_hess(inner_form=True), label="(8.18)")),
    check=check_twice,
    mutants=[Mutant("factor ½ on the first term", Twice(
        _hess_generic(c_norm=sp.Rational(1, 2), inner_form=True),
        EntrywiseIdentity(_hess(c_norm=sp.Rational(1, 2), inner_form=True), label="mutant")))],
    uses=["eq:8.17", "sec:8.3.2:projection-norm"],
)

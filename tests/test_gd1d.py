"""Exact one-dimensional GD endpoints (verify.chapter8.gd1d) on bank members, and the basic idea's attack."""
import sympy as sp

from numeric.adversaries import BANK
from numeric.adversaries.core import _load
from verify.chapter8 import gd1d

_load()
x = gd1d.x


def test_endpoints_on_the_traps():
    shelf = BANK["x⁴/4 + x³/3"].obj
    assert gd1d.run(shelf, 1).end == 0 and gd1d.run(shelf, 1).kind == "not a minimum"
    assert gd1d.run(shelf, -1000).end == -1
    r = gd1d.run(BANK["−x·exp(−x²)"].obj, -1)
    assert r.end == -sp.oo and r.kind == "diverges"
    assert gd1d.run(BANK["−x·exp(−x²)"].obj, 1000).end == sp.sqrt(2) / 2
    # flat minimum: a start at 10⁻⁸ has f' ≈ 10²⁴·e^(−10¹⁶) > 0: it still ends at 0 (not at x₀)
    assert gd1d.run(BANK["exp(−1/x²) (flat minimum)"].obj, sp.Rational(1, 10**8)).end == 0


def test_spurious_minimum_is_found_as_not_global():
    f = BANK["x⁴ − 4x² + x"].obj
    assert gd1d.run(f, 1).kind == "local minimum (not global)"
    ok, _rows, bad, _u = gd1d.decide_runs(BANK["x⁴ − 4x² + x"], conditional=True)
    assert ok is False and bad["which is"] == "local minimum (not global)"


def test_the_step_bound_is_a_bound_on_the_swept_interval():
    r = gd1d.run(x**4, 1000)
    assert r.end == 0 and r.U == 12 * 1000**2


def test_footnote_1_on_the_convex_bank():
    from verify.chapter8.claims.saddle_basics import Footnote1, decide_fn1

    assert decide_fn1(Footnote1("value"), BANK["eˣ"], None).holds is True
    out = decide_fn1(Footnote1("point"), BANK["eˣ"], None)
    assert out.holds is False and out.counterexample["x_t →"] == "-oo"
    assert decide_fn1(Footnote1("value", step_ratio=2), BANK["x²/2"], None).holds is False
    assert decide_fn1(Footnote1("value", step_ratio=sp.Rational(199, 100)), BANK["x²/2"], None).holds is True
    assert decide_fn1(Footnote1("value"), BANK["∫₀^|x| exp(−1/t²) dt (flat convex minimum)"], None).holds is True


def test_gd_on_the_stable_line_of_every_strict_saddle_of_figure_8_3_ends_at_the_saddle():
    from verify.chapter8.claims.saddle_strict import Escape, _stable_lines, decide_escape

    m = BANK["(x² − 1)² + (y² − 1)² (Figure 8.3 reproduction)"]
    lines, _skipped = _stable_lines(m.obj)
    assert len(lines) == 4
    assert decide_escape(Escape(), m, None).holds is True
    assert decide_escape(Escape(gd_escapes=True), m, None).holds is False
    # irrational eigenvectors: the plain-GD half is n/a there (the perturbed-GD half is decided, test below)
    assert decide_escape(Escape(gd_escapes=True), BANK["x² + (xy − 1)²"], None).holds is None


def test_perturbed_gd_half_on_a_non_separable_member_with_certified_box_constants():
    import math

    from verify.chapter8.claims.saddle_strict import Escape, _box_constants, _pgd_escape_general, decide_escape

    m = BANK["x² + (xy − 1)²"]
    ell, rho = _box_constants(m.obj, (0, 0))
    # ‖∇²f(1, −1)‖ = 3 + √37 and the third-derivative tensor's Frobenius norm at a corner, √96: the certified
    # sup bounds on the box [−1, 1]² lie above both (and not far above)
    assert 3 + math.sqrt(37) <= float(ell) <= 9.5 and math.sqrt(96) <= float(rho) <= 10.5
    ok, rows, ce = _pgd_escape_general(m, None, n=10)
    assert ok is True and ce is None and "10/10 escaped" in rows[0]
    assert decide_escape(Escape(), m, None).holds is True
    out = decide_escape(Escape(perturb=False), m, None)  # the perturbation removed: GD sits on the saddle (exact)
    assert out.holds is False and out.counterexample["escaped"] == "0/40"
    na = decide_escape(Escape(), BANK["x² − y² (strict saddle)"], None)  # unbounded below, ρ = 0: PGD half n/a, said
    assert na.holds is True and "Δ_f" in na.notes[0] and "ρ = 0" in na.notes[0]


def test_perturbed_gd_escapes_the_weak_saddle_at_the_largest_allowed_tolerance():
    from verify.chapter8.claims.saddle_strict import _pgd_escape

    ok, rows, ce = _pgd_escape(BANK["x²/2 − y²/100 + 5y⁴/2 (weak saddle)"], None, n=10)
    assert ok is True and ce is None and "t_thres" in rows[0]
    assert _pgd_escape(BANK["x² − y² (strict saddle)"], None) is None  # unbounded below: Jin's Δ_f is infinite


def test_perturbed_gd_tuned_above_beta_squared_over_rho_does_not_escape():
    from verify.chapter8.claims.saddle_strict import _pgd_escape

    ok, _rows, ce = _pgd_escape(BANK["(x² − 1)² + (y² − 1)² (Figure 8.3 reproduction)"], None, n=10, eps_over=30.0)
    assert ok is False and ce["escaped"] == "0/10"

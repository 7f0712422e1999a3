"""Second reader T2 (2026-12-07): Lemma 8.21's instance and the transfer g → f, exactly (verify.chapter8.claims.mc_transfer)."""
from fractions import Fraction as F

from verify.chapter8.claims import mc_transfer as T


def test_reader_instance_exact():
    r = T.reader_instance()
    assert r["eps"] == F(81, 128)  # ε_sup of Ω = {(3, 3)}, p = 1/9, flat z at d = 4 (KKT enumeration)
    assert r["psd"] and r["incoherent"] and r["s"] == F(1, 9)
    assert r["H"][2][2] == F(1, 6) and sum(abs(v) for row in r["H"] for v in row) == F(1, 6)  # diag(0, 0, 1/6, 0)
    assert r["s"] < F(1, 3) - r["eps"] / 3 == F(47, 384)  # the printed Lemma 8.21 fails
    assert r["s"] >= F(1, 3) - 5 * r["eps"] / 3  # the carried constant holds
    assert r["D"] == F(49, 24) and F(81, 128) < r["D"] <= 10 * r["eps"]  # the transfer: same ε fails, (8m² + 2)ε holds


def test_coherent_point_breaks_the_carried_transfer():
    D, s, sup2 = T.transfer_gap(T.READER_W, T.READER_P, (0, 0, 1, 0), F(1))  # x = e₃, ‖x‖_∞ = 1 > μ/√d
    assert D == F(91, 8) and D > (8 * 1 + 2) * F(81, 128) and sup2 > F(1, 4)


def test_flat_point_is_psd_on_every_d3_mask():
    # x = z/√3 (xxᵀ = J/(3d)) has ∇²f ⪰ 0 for every Ω: the sign-slip mutant 1/3 + 5ε/3 falls there
    for W in T._masks(3):
        assert T._is_psd(T.hess_f(W, T.gram((1, 1, 1), F(1, 9)), 3))

"""Instances that several claims share through a module-level cache keyed by the seed are drawn from a stream of the
seed alone (Context.shared_rng), not of the claim that happens to fill the cache first.  Two cold ci reports, one
worker and two, recorded different notes for sec:8.3.2:automatic-generalisation: its masks came from lemma:8.21's
stream or its own, depending on which of the two ran first in the process."""
from verify.engine.context import Context
from verify.engine.profiles import get_profile


def _ctx(claim_id: str) -> Context:
    return Context(get_profile("ci"), seed=0, claim_id=claim_id)


def test_shared_rng_depends_on_the_seed_and_name_only():
    a, b = _ctx("lemma:8.21").shared_rng("x"), _ctx("thm:8.5").shared_rng("x")
    assert a.integers(1 << 30) == b.integers(1 << 30)
    assert _ctx("lemma:8.21").rng("x").integers(1 << 30) != _ctx("thm:8.5").rng("x").integers(1 << 30)


def test_the_lemma_8_21_search_is_the_same_whichever_claim_fills_the_cache():
    from verify.chapter8.claims import mc_transfer as T

    got = []
    for cid in ("lemma:8.21", "sec:8.3.2:automatic-generalisation"):
        T._SEARCH.clear()
        got.append([(d, W, p, e, best) for d, W, p, e, best in T.search_821(_ctx(cid))])
    T._SEARCH.clear()
    assert got[0] == got[1] and got[0]

"""The adversary bank: named members of the classes the chapter's statements quantify over.

A *kind* is what a member is (a function on ℝ, an activation, a data set, a mask, a PSD
matrix, a network, a starting point, a step size).  A *class* is a kind plus hypotheses
(``Class("activation (8.80)", "activation", ("1-Lipschitz", "C²"))``): the members of a
class are the bank's members of that kind whose hypotheses are checked to hold, never
assumed.  Each hypothesis check returns how it is known (``proved`` by SymPy, ``exact``,
``certified`` by interval arithmetic) and the numbers that decided it.

Modules: ``core`` (Member, Hypothesis, Class, the registry), one module per kind.  Claims
use the bank through ``verify.engine.attacks``; nothing here imports ``verify``.
"""
from numeric.adversaries.core import BANK, Class, Hypothesis, HypothesisResult, Member, admitted, kinds, members

__all__ = ["BANK", "Class", "Hypothesis", "HypothesisResult", "Member", "admitted", "kinds", "members"]

"""The chapter's unnumbered prose, paragraph by paragraph: which claims check each assertion, or why none does.

Numbered equations and objects have their own coverage (results.json ``equations``, the catalog); this list
is for the sentences between them.  An entry with claims is covered; an entry without claims is what
``verify list --uncovered`` prints, with its reason.  ``anchor`` is a snippet unique to the paragraph's line
in the chapter (tests/test_coverage.py checks that it is).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Prose:
    anchor: str
    section: str
    claims: tuple[str, ...] = ()
    reason: str = ""

    @property
    def covered(self) -> bool:
        return bool(self.claims)


_EMPIRICAL = "an empirical statement about practice at scale (no stated class of functions or models to search)"

PROSE: tuple[Prose, ...] = (
    # chapter opening and §8.1
    Prose("In the previous chapter, we outlined", "8", reason="a road map of the chapter: no assertion"),
    Prose("very deep feed-forward networks are still hard to fit", "8.1", reason=_EMPIRICAL),
    Prose("Recall that the *gradient descent* (GD) algorithm", "8.1", ("sec:8.1:gd-update",)),
    Prose("Observation 1: Gradient descent can find", "8.1", ("obs:1", "footnote:1", "figure:8.2")),
    Prose("Observation 2: Finding the global minimum", "8.1", ("obs:2",)),
    Prose("Observation 3: The objective function in deep learning", "8.1", ("obs:3", "sec:8.1:obs-3-reading")),
    Prose("These observations motivate the following two-step plan", "8.1",
          reason="a research plan ('identify a set of functions … prove that losses belong to it'): no assertion"),
    Prose("Basic idea: Gradient descent can find local minimum", "8.1", ("sec:8.1:basic-idea",)),
    # §8.2
    Prose("Note that if x is a local minimum of f", "8.2", ("sec:8.2:necessary-conditions", "example:8.2")),
    Prose("It is generally not easy to verify if a point is a local minimum", "8.2", ("thm:8.3",)),
    Prose("Intuitively speaking, this definition is saying", "8.2.1", ("def:8.4", "sec:8.2.1:no-strict-saddle")),
    Prose("Therefore, if all local minima are global minima", "8.2.1",
          ("sec:8.2.1:therefore", "sec:8.2.1:thm-8.5-readings", "figure:8.3")),
    # §8.3
    Prose("So far, we have focused on general results", "8.3", ("thm:8.7", "thm:8.14")),
    Prose("A nice real world example of matrix completion", "8.3.2",
          reason="motivation (recommendation engines): no mathematical assertion"),
    Prose("If we can show that g has no bad local minima via a proof", "8.3.2",
          ("lemma:8.17", "thm:8.23", "eq:8.23", "eq:8.32"),),
    Prose("We have shown above that matrix completion of a rank-1 matrix", "8.3.2", ("thm:8.23",),
          reason=""),
    Prose("This proof strategy can be extended to handle higher-rank matrices", "8.3.2",
          reason="a cited extension (Ge et al. 2016: rank r, noise) whose statement the chapter does not give"),
    Prose("The proof also demonstrates a generally useful proof strategy", "8.3.2",
          reason="advice on proof strategy: no mathematical assertion"),
    Prose("We have now demonstrated that two classes of machine learning problems", "8.3.3",
          ("sec:8.3.1:optimizers-find-global-min", "thm:8.14")),
    Prose("it has also been shown that linearized neural networks", "8.3.3", ("sec:8.3.3:linear-networks",)),
    Prose("It should be noted that linearized neural networks are not very useful", "8.3.3",
          reason="an opinion on practical usefulness: no assertion to check"),
    Prose("Additionally, constraints are imposed on the tensor T", "8.3.3", ("sec:8.3.3:tensor-landscape", "eq:8.53")),
    # §8.4 introduction
    Prose("but it is unrealistic to expect that all local minima will also be global", "8.4",
          ("sec:8.4:spurious-minima",)),
    Prose("To be more formal, we take an appropriate parameter initialization", "8.4", ("figure:8.6",)),
    Prose("Note that $g_\\theta(x)$ is an affine function", "8.4", ("eq:8.54", "eq:8.55")),
    Prose("Convexity of the RHS follows from the fact", "8.4", ("eq:8.58",)),
    Prose("The key idea is that the Taylor approximation works for certain cases", "8.4",
          reason="a forward reference to 'a later section of this monograph': no assertion here"),
    Prose("1. Accurate approximation:", "8.4", ("lemma:8.28", "remark:8.29")),
    Prose("2. It suffices to optimize in", "8.4", ("lemma:8.25", "remark:8.26", "figure:8.7")),
    Prose("3. Optimizing $\\hat{L}(f_{\\theta})$ is similar", "8.4", ("thm:8.33", "eq:8.164", "sec:8.4.2:lazy-training")),
    Prose("(a) Overparametrization and/or a particular scaling", "8.4",
          ("eq:8.73", "eq:8.103", "sec:8.4.1:alpha-training")),
    Prose("(b) Small (or even zero) stochasticity", "8.4", ("sec:8.4:small-learning-rate",)),
    Prose("Despite the limitations of the requirements of (a) and (b)", "8.4", ("figure:8.6",),
          reason=""),
    Prose("The proof comes from the following fact", "8.4", ("sec:8.4:lemma-8.28-proof", "lemma:8.28")),
    # §8.4.1
    Prose("An important fact to notice is that β / σ^2 is not scaling invariant", "8.4.1",
          ("eq:8.73", "eq:8.103")),
    Prose("A priori, such a phenomenon may appear to be too good to be true", "8.4.1",
          ("remark:8.31", "figure:8.8", "sec:8.4.1:alpha-training")),
    Prose("Why do we use the $1/\\sqrt{m}$ scaling?", "8.4.1", ("eq:8.78",)),
    Prose("Though we omit the proof of this claim, it can be shown that K^{∞} is full rank", "8.4.1", ("eq:8.95",)),
    Prose("so the spectrum of the matrix should also converge", "8.4.1", ("eq:8.96",)),
    Prose("Concretely, this result tells us that our function becomes more smooth", "8.4.1", ("eq:8.102",)),
    # §8.4.2
    Prose("(ii) Instead of strong convexity, we rely on the smoothness", "8.4.2",
          reason="approach (ii) is named but not developed ('we will only discuss the first'): nothing to check"),
    Prose("We will also observe that this regime is not particularly practically relevant", "8.4.2",
          ("sec:8.4.2:lazy-training",),
          reason=""),
    Prose("From this decomposition, we see that the residuals", "8.4.2", ("sec:8.4.2:monotone-residuals",)),
    Prose("Since $O(\\|\\theta^{t+1}", "8.4.2", ("eq:8.136",)),
    Prose("Thus, when $\\beta/\\sigma^2 \\rightarrow 0$, eventually", "8.4.2", ("eq:8.164",)),
    # §8.4.3
    Prose("Empirically, optimizing $g_\\theta(x)$ as described in the theory does not work as well", "8.4.3",
          reason=_EMPIRICAL + " (ResNets against best-tuned training)"),
    Prose("The NTK approach requires a specific initialization scheme and learning rate", "8.4.3",
          ("eq:8.55", "sec:8.4:small-learning-rate"),
          reason=""),
    Prose("The analysis above was for gradient descent, while stochastic gradient descent", "8.4.3",
          ("sec:8.4:small-learning-rate",)),
    Prose("One possible explanation for the gap between theory and practice", "8.4.3", ("sec:8.4.2:lazy-training", "thm:8.35")),
    Prose("Furthermore, the minimum ℓ_2 -norm solution is typically dense", "8.4.3",
          ("sec:8.4.3:min-norm-dense",)),
    Prose("This is similar to the difference between sparse and dense combinations", "8.4.3",
          reason="a comparison with the ℓ₁-SVM / two-layer network versus ℓ₂-SVM analysis of an earlier chapter, "
          "whose statements are not in this chapter"),
    Prose("However, if we were to use the NTK approach (kernel method)", "8.4.3", ("thm:8.35", "example:8.34")),
)


def uncovered() -> list[Prose]:
    return [p for p in PROSE if not p.covered]

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
    Prose("very deep feed-forward networks are still hard to fit", "8.1", ("sec:8.1:vanishing-gradients",),
          reason="the mechanism (vanishing/exploding gradients) is checked; 'hard to fit in practice' is empirical"),
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
          ("lemma:8.17", "thm:8.23", "eq:8.23", "eq:8.32", "sec:8.3.2:lemma-8.17-uniform"),),
    Prose("We have shown above that matrix completion of a rank-1 matrix", "8.3.2", ("thm:8.23", "sec:8.3.3:mc-no-spurious"),
          reason=""),
    Prose("This proof strategy can be extended to handle higher-rank matrices", "8.3.2",
          reason="a cited extension (Ge et al. 2016: rank r, noise) whose statement the chapter does not give"),
    Prose("The proof also demonstrates a generally useful proof strategy", "8.3.2",
          reason="advice on proof strategy: no mathematical assertion"),
    Prose("We have now demonstrated that two classes of machine learning problems", "8.3.3",
          ("sec:8.3.1:optimizers-find-global-min", "thm:8.14", "sec:8.3.3:mc-no-spurious")),
    Prose("it has also been shown that linearized neural networks", "8.3.3",
          ("sec:8.3.3:linear-networks", "sec:8.3.3:mc-no-spurious")),
    Prose("It should be noted that linearized neural networks are not very useful", "8.3.3",
          reason="an opinion on practical usefulness: no assertion to check"),
    Prose("Additionally, constraints are imposed on the tensor T", "8.3.3", ("sec:8.3.3:tensor-landscape", "eq:8.53")),
    # §8.4 introduction
    Prose("but it is unrealistic to expect that all local minima will also be global", "8.4",
          ("sec:8.4:spurious-minima",)),
    Prose("To be more formal, we take an appropriate parameter initialization", "8.4", ("figure:8.6",),
          reason="'the loss function is convex' in B(θ⁰) is false on the network (8.78) (negative Hessian eigenvalue at "
          "θ⁰ at every width): figure:8.6's erratum quotes this sentence and corrects it (L̂(g_θ) convex)"),
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
          reason="'a neighborhood where the loss function is convex (e.g. quadratic)' is figure:8.6's false condition: "
          "its erratum quotes this sentence; it is L̂(g_θ) that is quadratic"),
    Prose("The proof comes from the following fact", "8.4", ("sec:8.4:lemma-8.28-proof", "lemma:8.28")),
    # §8.4.1
    Prose("An important fact to notice is that β / σ^2 is not scaling invariant", "8.4.1",
          ("eq:8.73", "eq:8.103")),
    Prose("A priori, such a phenomenon may appear to be too good to be true", "8.4.1",
          ("remark:8.31", "figure:8.8", "sec:8.4.1:alpha-training", "eq:8.73")),  # eq:8.73's use: the O(√n/σ) radius
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
    Prose("Thus, when $\\beta/\\sigma^2 \\rightarrow 0$, eventually", "8.4.2", ("eq:8.164", "sec:8.4.2:lemma-8.25-recalled", "sec:8.4.2:empirical-minimiser")),
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
    # the connecting sentences of the proofs and set-ups: each carries an equation or object the claims check
    Prose('2. $\\theta_{t+1} = \\theta_t - \\eta \\nabla g(\\the', "8.1", ('sec:8.1:gd-update',)),
    Prose('1. Identify a large set of functions that stocha', "8.1", reason="a step of the research plan: no assertion"),
    Prose('2. Prove that some of the loss functions in mach', "8.1", reason="a step of the research plan: no assertion"),
    Prose('Let f be a twice-differentiable function. We sta', "8.2", ('def:8.1', 'sec:8.2:necessary-conditions')),
    Prose('3. x is γ -close to a local minimum x^* in Eucli', "8.2.1", ('def:8.4',)),
    Prose('Let matrix $M \\in \\mathbb{R}^{d \\times d}$ be sy', "8.3.1", ('eq:8.1',)),
    Prose('which implies that x is an eigenvector of M with', "8.3.1", ('sec:8.3.1:stationary-points', 'thm:8.7')),
    Prose('Step 2: Show that all local minima must be eigen', "8.3.1", ('eq:8.3',)),
    Prose('To compute $\\langle v, \\nabla^2 g(x) v \\rangle$,', "8.3.1", ('eq:8.5', 'eq:8.6')),
    Prose('Picking $v = v_1$, the unit eigenvector with the', "8.3.1", ('eq:8.9',)),
    Prose('Note that by (8.2), all our candidates for local', "8.3.1", ('eq:8.10',)),
    Prose('In summary, if x is a stationary point and x is ', "8.3.1", ('thm:8.7', 'eq:8.10')),
    Prose('We consider rank-1 matrix completion for simplic', "8.3.2", ('def:8.10', 'eq:8.12')),
    Prose('To really solve our problem we need some regular', "8.3.2", ('def:8.12', 'remark:8.13')),
    Prose('with high probability. This suggests the strateg', "8.3.2", ('remark:8.16', 'sec:8.3.2:eq-8.15-approx')),
    Prose('where we have used the fact that $\\langle A, BC ', "8.3.2", ('eq:8.16', 'sec:8.3.2:trace-rule',
                                                                     'sec:8.3.2:residual-rank')),
    Prose('where we have used the fact that $\\|P_\\Omega(A)', "8.3.2", ('sec:8.3.2:projection-norm',)),
    Prose('Since $|\\langle x, z \\rangle| \\geq 1/3 \\neq 0$ (', "8.3.2", ('lemma:8.22', 'sec:8.3.2:lemma-8.22-step')),
    Prose('Let x be such that $\\nabla f(x) = 0$. For $\\epsi', "8.3.2", ('eq:8.39', 'eq:8.40')),
    Prose('- Principal component analysis (covered in previ', "8.3.3", ('thm:8.7',)),
    Prose('Given a nonlinear $f_\\theta(x)$, we examine the ', "8.4", ('eq:8.54',)),
    Prose('we observe that $\\Delta\\theta$ depends upon the ', "8.4", ('eq:8.55', 'def:8.24')),
    Prose('Here, the feature $\\nabla_{\\theta} f_{\\theta^0}(', "8.4", ('def:8.24',)),
    Prose('Instead of $f_{\\theta}(x)$, suppose we use the a', "8.4", ('eq:8.58',)),
    Prose('A natural question to ask is: how valid is this ', "8.4", ('eq:8.59',)),
    Prose('where $\\vec{y} = [y^{(1)}, \\dots, y^{(n)}]^\\top ', "8.4", ('eq:8.63',)),
    Prose('In particular, notice that B_{θ^0} contains a gl', "8.4", ('remark:8.26',)),
    Prose('If we further restrict our choice of θ using B_{', "8.4", ('lemma:8.28',)),
    Prose('As shown above, the proof is as simple as pluggi', "8.4", ('lemma:8.28', 'sec:8.4:lemma-8.28-proof')),
    Prose('1. **Reparameterize with a scalar** [Chizat and ', "8.4.1", ('eq:8.73',)),
    Prose('Furthermore, let $\\bar{\\beta}$ be the Lipschitz ', "8.4.1", ('eq:8.73',)),
    Prose('To visualize this effect, we can consider the fo', "8.4.1", ('remark:8.31', 'eq:8.74')),
    Prose('Let $\\theta^0 = 0$. Taylor expanding at θ^0 give', "8.4.1", ('eq:8.74', 'remark:8.31')),
    Prose('In this case, $\\nabla f_{\\theta^0}(x) = 2\\beta\\t', "8.4.1", ('remark:8.31',)),
    Prose('Note that the minimizer of $\\widehat{L}(\\alpha\\b', "8.4.1", ('remark:8.31',)),
    Prose('We visualize these functions in Figure 8.8. We o', "8.4.1", ('figure:8.8',)),
    Prose('2. **Overparametrization (with specific initiali', "8.4.1", ('eq:8.78',)),
    Prose('The scaling $1/\\sqrt{m}$ is to ensure that a ran', "8.4.1", ('eq:8.78',)),
    Prose('where the penultimate line follows from the law ', "8.4.1", ('eq:8.90',)),
    Prose('Note that the scale of $\\|\\nabla_{\\theta} f_{\\th', "8.4.1", ('eq:8.92',)),
    Prose('(8.93) implies that as $m \\rightarrow \\infty$, $', "8.4.1", ('eq:8.93',)),
    Prose('Now what about β ? If we can show $\\beta \\righta', "8.4.1", ('eq:8.97', 'eq:8.102')),
    Prose('Note that (8.97) above consists of matrices, as ', "8.4.1", ('eq:8.98',)),
    Prose('The first line follows from the fact that $\\frac', "8.4.1", ('eq:8.99', 'eq:8.100')),
    Prose('Thus, the Lipschitz parameter is $\\beta = O(1/\\s', "8.4.1", ('eq:8.102', 'eq:8.103')),
    Prose('We now discuss how to establish the last of the ', "8.4.2", ('thm:8.33',)),
    Prose('- (i) We leverage the strong convexity of $\\hat{', "8.4.2", ('sec:8.4.2:strong-convexity',)),
    Prose('Consider the gradient we are interested in takin', "8.4.2", ('remark:8.32',)),
    Prose('This is really saying that f_θ and g_θ^t agree u', "8.4.2", ('remark:8.32', 'footnote:4')),
    Prose('We relate the optimization of g_θ to performing ', "8.4.2", ('eq:8.107',)),
    Prose('This analysis considers changes in the output sp', "8.4.2", ('eq:8.110',)),
    Prose('Why? Let the eigenvalues of $\\Phi\\Phi^\\top$ be (', "8.4.2", ('eq:8.119',)),
    Prose('(8.121) is the eigendecomposition of $I - \\eta\\P', "8.4.2", ('eq:8.119', 'eq:8.122')),
    Prose('where the non-negativity of $1 - \\eta\\tau_j^2$ f', "8.4.2", ('eq:8.122',)),
    Prose('Using this result, we obtain our desired result.', "8.4.2", ('eq:8.125', 'eq:8.126')),
    Prose('This yields the desired exponential decay in the', "8.4.2", ('eq:8.128',)),
    Prose('We now transition to an analysis of the optimiza', "8.4.2", ('thm:8.33',)),
    Prose('To obtain our gradient descent update rule, we f', "8.4.2", ('eq:8.130',)),
    Prose('where we have let $b^t = (\\Phi^t)^\\top (\\hat{y}^', "8.4.2", ('eq:8.133', 'eq:8.136')),
    Prose('Comparing (8.141) with (8.115), we see one diffe', "8.4.2", ('eq:8.138',)),
    Prose('To understand the convergence implications of (8', "8.4.2", ('eq:8.142',)),
    Prose('at time t . This implies that $\\|\\Phi^t - \\Phi\\|', "8.4.2", ('eq:8.142', 'eq:8.143')),
    Prose('Next, we note that the second term of (8.145) is', "8.4.2", ('eq:8.144',)),
    Prose('Applying this lower bound on the eigenvalues of ', "8.4.2", ('eq:8.150',)),
    Prose('So, as desired, we see exponential decay in the ', "8.4.2", ('eq:8.150', 'thm:8.33')),
    Prose('To complete our proof, observe that this argumen', "8.4.2", ('eq:8.164', 'sec:8.4.2:lemma-8.25-recalled')),
    Prose('We proceed via induction. For $t = 0$, because e', "8.4.2", ('eq:8.154',)),
    Prose('Now, suppose that (8.154) holds for some t . The', "8.4.2", ('eq:8.154',)),
    Prose('Next, applying Lemma 8.28 with $\\theta = \\theta^', "8.4.2", ('eq:8.157',)),
    Prose('Using this result and (8.154), we can show that ', "8.4.2", ('eq:8.158',)),
    Prose('Then, leveraging the definition of σ given in (8', "8.4.2", ('eq:8.162',)),
    Prose('To make these ideas more concrete, consider the ', "8.4.3", ('example:8.34',)),
    Prose('This output function can be described exactly by', "8.4.3", ('example:8.34',)),
    Prose('(8.167) follows from the fact that $\\phi_{\\text{', "8.4.3", ('example:8.34',)),
    Prose('To make use of this observation to understand th', "8.3.2", ('eq:8.16', 'eq:8.17')),
    Prose('Note (1), (2), and (3) can all be true in variou', "8.4", ('sec:8.4:small-learning-rate', 'eq:8.73', 'eq:8.103')),
    Prose('where p is the number of parameters. Taking the ', "8.4", ('eq:8.61', 'eq:8.63')),
    Prose('where the last inequality follows from the assum', "8.4", ('lemma:8.25',)),
    Prose('Once α becomes big enough, then by Lemma 8.28, t', "8.4.1", ('lemma:8.28', 'eq:8.73')),
    Prose('There are two approaches in the literature for (', "8.4.2", ('sec:8.4.2:strong-convexity',)),
    Prose('We have the following theorem for functions that', "8.2.1", reason="a connective sentence announcing what follows: no assertion"),
    Prose('The goal is to prove that local minima of this o', "8.3.2", reason="a connective sentence announcing what follows: no assertion"),
    Prose('Before presenting the proof, we make some observ', "8.3.2", reason="a connective sentence announcing what follows: no assertion"),
    Prose('The key lemma that applies the scalar concentrat', "8.3.2", reason="a connective sentence announcing what follows: no assertion"),
    Prose('Next, we prove some facts about g and show the a', "8.3.2", reason="a connective sentence announcing what follows: no assertion"),
    Prose('Finally, we put these quantities together to bou', "8.3.2", reason="a connective sentence announcing what follows: no assertion"),
    Prose('To begin our formal discussion, we start by prov', "8.4", reason="a connective sentence announcing what follows: no assertion"),
    Prose('Next, we prove a lemma that addresses the first ', "8.4", reason="a connective sentence announcing what follows: no assertion"),
    Prose('- (B) Analyze optimization of $\\hat{L}(f_\\theta)', "8.4.2", reason="a connective sentence announcing what follows: no assertion"),
    Prose('We will only discuss the first of these two meth', "8.4.2", reason="a connective sentence announcing what follows: no assertion"),
)


def uncovered() -> list[Prose]:
    return [p for p in PROSE if not p.covered]


# --- informal claims: the precise readings that check them, or none (their informal_reason says why) --------------
# (thm:8.5 was here: its readings showed it false under every reading, so it is now an erratum claim whose check
# calls theirs; footnote:2 likewise became a checked claim — see CHECKED_READINGS)
READINGS: dict[str, tuple[str, ...]] = {
    # a part with no checkable reading keeps these informal (the network half of thm:8.35; practice at scale in obs:3)
    "thm:8.35": ("sec:8.4.3:thm-8.35-kernel-bound", "sec:8.4.3:min-norm-dense"),
    "obs:3": ("sec:8.1:obs-3-reading", "sec:8.1:vanishing-gradients"),
    # complexity statements (reductions, cited) and a conceptual diagram: no checkable reading
    "obs:2": (),
    "thm:8.3": (),
    "figure:8.1": (),
}


# once-informal claims whose precise readings decided them: the claim whose check function they now share
CHECKED_READINGS: dict[str, tuple[str, ...]] = {
    "thm:8.5": ("sec:8.2.1:thm-8.5-readings",),
    "footnote:2": ("sec:8.4:relu-modified-lipschitz", "sec:8.4:relu-expected-gap"),
}


def informal_without_reading(claims) -> list:
    """The informal claims that no precise reading checks (each carries its informal_reason)."""
    return [c for c in claims if c.kind == "informal" and not READINGS.get(c.id)]

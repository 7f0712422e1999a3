"""Profiles: how hard a check looks (ci, report, thorough).

A profile fixes the hypothesis settings (always derandomised, so the same seed gives
the same verdicts) and a few sizes that checks scale their sweeps by.
"""
from __future__ import annotations

from dataclasses import dataclass

# hypothesis is imported on first use, not here: `verify list`/`show` import this module
# for the profile names and must start in a fraction of a second.


@dataclass(frozen=True)
class Profile:
    name: str
    max_examples: int  # hypothesis examples per property
    sweep: int  # batch size of vectorised random sweeps
    trials: int  # Monte-Carlo trials / optimizer restarts
    scale: int  # 1 (ci), larger means bigger dimensions and longer fits

    def hypothesis_settings(self, **overrides):
        from hypothesis import HealthCheck, settings

        register_hypothesis_profiles()
        kw = dict(
            max_examples=self.max_examples,
            derandomize=True,
            deadline=None,
            database=None,
            print_blob=False,
            suppress_health_check=list(HealthCheck),
        )
        kw.update(overrides)
        return settings(**kw)


PROFILES: dict[str, Profile] = {
    "ci": Profile("ci", max_examples=40, sweep=256, trials=20, scale=1),
    "report": Profile("report", max_examples=200, sweep=2000, trials=100, scale=4),
    "thorough": Profile("thorough", max_examples=2000, sweep=20000, trials=1000, scale=16),
}

_REGISTERED = False


def register_hypothesis_profiles() -> None:
    """Register the profiles with hypothesis (``settings.load_profile("ci")``), once, on first use."""
    global _REGISTERED
    if _REGISTERED:
        return
    _REGISTERED = True
    from hypothesis import settings

    for p in PROFILES.values():
        settings.register_profile(p.name, p.hypothesis_settings())


class UnknownProfile(ValueError):
    pass


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise UnknownProfile(
            f"unknown profile {name!r}; valid profiles: {', '.join(PROFILES)}"
        ) from None

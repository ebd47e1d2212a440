"""Counting the processes a test's code forks (the parent's side of os.fork)."""

from __future__ import annotations

import os

import pytest


def counted_forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that gains an item at each os.fork from now on (the fork still happens)."""
    forks: list[int] = []
    real_fork = os.fork

    def counted_fork() -> int:
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(os, "fork", counted_fork)
    return forks

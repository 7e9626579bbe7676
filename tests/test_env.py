"""Pruebas de ia100.env: modos, tamaños, semillas, dispositivo y preparación."""

from __future__ import annotations

import random

import numpy as np
import pytest

import ia100
from ia100 import env


@pytest.fixture
def modes(monkeypatch):
    """Permite fijar los modos en cada prueba y limpia el estado «sin conexión» de la sesión."""
    monkeypatch.setattr(env, "_state", {"offline_reason": None})

    def set_modes(*, fast: bool, offline: bool = False):
        monkeypatch.setenv("IA100_FAST", "1" if fast else "0")
        monkeypatch.setenv("IA100_OFFLINE", "1" if offline else "")

    return set_modes


def test_size_fast_mode_uses_fast_then_cpu_then_full(modes):
    modes(fast=True)
    assert ia100.size(full=30, cpu=10, fast=2) == 2
    assert ia100.size(full=30, cpu=10) == 10
    assert ia100.size(full=30) == 30


def test_size_learner_mode_on_cpu(modes, monkeypatch):
    modes(fast=False)
    monkeypatch.setattr(env, "device", lambda: "cpu")
    assert ia100.size(full=30, cpu=10, fast=2) == 10
    assert ia100.size(full=30, fast=2) == 30


def test_size_with_gpu_uses_full(modes, monkeypatch):
    modes(fast=False)
    monkeypatch.setattr(env, "device", lambda: "cuda")
    assert ia100.size(full=30, cpu=10, fast=2) == 30


@pytest.mark.parametrize(
    "kwargs", [{"full": -1}, {"full": 3, "cpu": -2}, {"full": 3, "fast": -0.5}]
)
def test_size_rejects_negative_sizes(kwargs):
    with pytest.raises(ValueError, match="negativo"):
        ia100.size(**kwargs)


@pytest.mark.parametrize(
    "kwargs", [{"full": "30"}, {"full": True}, {"full": 3, "cpu": None, "fast": [1]}]
)
def test_size_rejects_non_numbers(kwargs):
    with pytest.raises(TypeError, match="número"):
        ia100.size(**kwargs)


def test_offline_flag_and_automatic_fallback(modes, capsys):
    modes(fast=False, offline=False)
    assert not ia100.is_offline()
    ia100.go_offline("prueba de red caída")
    assert ia100.is_offline()
    ia100.go_offline("otro motivo")  # solo avisa la primera vez
    out = capsys.readouterr().out
    assert out.count("Sin conexión") == 1 and "prueba de red caída" in out


def test_offline_env_flag(modes):
    modes(fast=False, offline=True)
    assert ia100.is_offline()


def test_go_offline_needs_a_reason():
    with pytest.raises(ValueError, match="motivo"):
        ia100.go_offline("  ")


def test_seed_everything_is_reproducible():
    ia100.seed_everything(7)
    first = (random.random(), np.random.rand(3))
    ia100.seed_everything(7)
    second = (random.random(), np.random.rand(3))
    assert first[0] == second[0] and np.array_equal(first[1], second[1])


@pytest.mark.parametrize("seed", [-1, 1.5, "42", True])
def test_seed_everything_rejects_bad_seeds(seed):
    with pytest.raises(ValueError, match="semilla"):
        ia100.seed_everything(seed)


def test_seed_everything_seeds_torch_when_imported():
    import torch

    ia100.seed_everything(3)
    a = torch.rand(4)
    ia100.seed_everything(3)
    assert torch.equal(a, torch.rand(4))


def test_device_without_frameworks_is_cpu(monkeypatch):
    # Si el cuaderno no importó torch ni tensorflow, nada puede usar la GPU.
    monkeypatch.delitem(__import__("sys").modules, "torch", raising=False)
    monkeypatch.delitem(__import__("sys").modules, "tensorflow", raising=False)
    assert ia100.device() == "cpu"


def test_device_asks_torch(monkeypatch):
    import torch

    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: False)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert ia100.device() == "cuda"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert ia100.device() == "cpu"
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: True)
    assert ia100.device() == "mps"


def test_setup_prints_one_line_and_reports_modes(modes, capsys):
    modes(fast=True, offline=True)
    result = ia100.setup(seed=5)
    out = capsys.readouterr().out.strip()
    assert len(out.splitlines()) == 1
    assert "ia100" in out and f"dispositivo: {result.device}" in out and "semilla 5" in out
    assert "rápido" in out and "sin conexión" in out
    assert result.seed == 5 and result.fast and result.offline and result.summary == out


def test_setup_silent_mode(capsys):
    ia100.setup(verbose=False)
    assert capsys.readouterr().out == ""


def test_setup_uses_one_torch_thread_in_fast_mode(modes):
    import torch

    before = torch.get_num_threads()
    try:
        modes(fast=True)
        ia100.setup(verbose=False)
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)

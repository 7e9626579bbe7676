"""Comprobadores de los ejercicios del día 7 (coste y funciones de pérdida)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import exercise, expect, expect_choices


def _bce_logits(z: np.ndarray, y: np.ndarray) -> float:
    # log(1 + e^z) − z·y, calculado sin desbordar con logaddexp.
    return float(np.mean(np.logaddexp(0.0, z) - z * y))


def _cross_entropy(logits: np.ndarray, labels: np.ndarray) -> float:
    m = logits.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
    return float(np.mean(lse - logits[np.arange(len(labels)), labels]))


def _scalar(value, what: str) -> float:
    expect(value is not None, f"{what} es None: ¿olvidaste el return?")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        expect(False, f"{what} no es un número.")
        raise  # inalcanzable: expect ya lanzó Wrong
    expect(
        arr.size == 1,
        f"{what} tiene forma {arr.shape}: el coste es un solo número, la media "
        "de las pérdidas de todos los ejemplos.",
    )
    return float(arr.item())


def _expect_mean_loss(out: float, ref: float, n: int, wrong: str) -> None:
    """Comprueba un coste de entropía cruzada: no negativo, media (no suma) e igual a ``ref``."""
    expect(
        out >= 0,
        f"Tu función da {out:.4g}, un valor negativo: la entropía cruzada nunca lo es. "
        "¿Falta un signo menos?",
    )
    if n > 1 and np.isclose(out, ref * n):
        expect(False, "Tu función suma las pérdidas: el coste es su media.")
    expect(np.isclose(out, ref, rtol=1e-7, atol=1e-10), wrong)


@exercise(
    "dia-007.1",
    title="Entropía cruzada binaria estable",
    hint="No calcules la sigmoide: "
    "usa la fórmula desde el logit de la lección, con np.maximum, np.abs y np.log1p, y "
    "devuelve la media.",
)
def _bce_with_logits(fn):
    expect(callable(fn), "La respuesta debe ser tu función bce_with_logits(z, y).")
    rng = np.random.default_rng(7)
    for n in [1, 8, 200]:
        z = rng.normal(0, 3, size=n)
        y = (rng.uniform(size=n) < 0.5).astype(float)
        with np.errstate(all="ignore"):
            out = _scalar(fn(z, y), f"Con {n} ejemplos, lo que devuelve tu función")
        _expect_mean_loss(
            out,
            _bce_logits(z, y),
            n,
            f"Con {n} ejemplos, tu función da {out:.6f} y no es la entropía cruzada binaria: "
            "revisa la fórmula.",
        )
    z = np.array([-1000.0, 1000.0, -60.0, 60.0, 0.0])
    y = np.array([1.0, 0.0, 0.0, 1.0, 1.0])
    with np.errstate(all="ignore"):
        out = _scalar(fn(z, y), "Con logits extremos, lo que devuelve tu función")
    expect(
        np.isfinite(out),
        f"Con logits extremos (±1000) tu función da {out}: no es estable. "
        "Calcular la sigmoide y luego su logaritmo desborda.",
    )
    expect(
        np.isclose(out, _bce_logits(z, y), rtol=1e-7),
        f"Con logits extremos el resultado es finito pero no correcto ({out:.4g} en lugar de "
        f"{_bce_logits(z, y):.4g}): revisa la fórmula estable. Recortar la probabilidad "
        "(np.clip) antes del logaritmo evita el nan, pero deja corta la pérdida de un logit "
        "muy equivocado.",
    )
    return (
        "Es lo que hacen F.binary_cross_entropy_with_logits y "
        "keras.losses.BinaryCrossentropy(from_logits=True)."
    )


@exercise(
    "dia-007.2",
    title="Entropía cruzada categórica desde logits",
    hint="Para cada ejemplo, "
    "la pérdida es log-sum-exp de sus logits menos el logit de su clase correcta. Resta el "
    "máximo de cada fila antes de exponenciar y promedia al final.",
)
def _cross_entropy_from_logits(fn):
    expect(callable(fn), "La respuesta debe ser tu función cross_entropy(logits, labels).")
    rng = np.random.default_rng(70)
    for n, k in [(5, 3), (1, 10), (40, 2), (12, 7)]:
        logits = rng.normal(0, 2, size=(n, k))
        labels = rng.integers(0, k, size=n)
        with np.errstate(all="ignore"):
            out = _scalar(
                fn(logits, labels), f"Con logits {logits.shape}, lo que devuelve tu función"
            )
        _expect_mean_loss(
            out,
            _cross_entropy(logits, labels),
            n,
            f"Con logits {logits.shape}, tu función da {out:.6f} y no es la entropía cruzada: "
            "¿tomas la probabilidad de la clase correcta de cada fila?",
        )
    logits = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, 0.0, 1000.0], [5.0, -800.0, 3.0]])
    labels = np.array([2, 0, 1])
    with np.errstate(all="ignore"):
        out = _scalar(fn(logits, labels), "Con logits extremos, lo que devuelve tu función")
    expect(
        np.isfinite(out),
        f"Con logits extremos (±1000) tu función da {out}: no es estable. "
        "Recuerda el truco de log-sum-exp, fila a fila: resta a cada fila su propio máximo.",
    )
    ref = _cross_entropy(logits, labels)
    expect(
        np.isclose(out, ref, rtol=1e-7),
        f"Con logits extremos el resultado es finito pero no correcto ({out:.4g} en lugar de "
        f"{ref:.4g}): calcula log-sum-exp desde los logits, restando el máximo de cada fila. "
        "Recortar las probabilidades (np.clip) antes del logaritmo evita el nan, pero deja corta "
        "la pérdida de una clase casi imposible.",
    )
    return "Es lo que calcula F.cross_entropy: softmax, logaritmo y media, en un solo paso estable."


_TASKS = {
    "temperatura": {"MSE"},
    "entrega": {"MAE", "Huber"},
    "spam": {"BCE"},
    "dígito": {"CE"},
    "etiquetas de una foto": {"BCE"},
    "especie de iris": {"CE"},
}


@exercise(
    "dia-007.3",
    title="¿Qué pérdida para cada tarea?",
    hint="Pregúntate qué produce la red: "
    "un número (regresión), una probabilidad (sí/no, o varias etiquetas independientes) o una "
    "sola clase entre k. En regresión, piensa además en los valores atípicos.",
)
def _which_loss(answer):
    expect_choices(answer, _TASKS, item="tarea", choices=("MSE", "MAE", "Huber", "BCE", "CE"))
    return (
        "Regresión: MSE, o MAE/Huber si hay atípicos. Una probabilidad por salida: BCE. "
        "Una clase entre k: entropía cruzada categórica."
    )

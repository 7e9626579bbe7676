"""Errores típicos del día 38: trasladar pesos, elegir en un zoológico de modelos y congelar capas."""

from __future__ import annotations

from mistakes import Mistake

# --- 38.1 · ¿Qué fracción de los parámetros se traslada? --------------------------------------


def _counts_tensors(src, dst):
    # Cuenta tensores en lugar de elementos.
    same = [k for k, v in dst.items() if k in src and src[k].shape == v.shape]
    return len(same) / len(dst)


def _name_only(src, dst):
    # Copia por nombre sin mirar la forma.
    total = sum(v.numel() for v in dst.values())
    return sum(v.numel() for k, v in dst.items() if k in src) / total


def _over_source(src, dst):
    # Divide por los parámetros del origen.
    moved = sum(v.numel() for k, v in dst.items() if k in src and src[k].shape == v.shape)
    return moved / sum(v.numel() for v in src.values())


# --- 38.2 · Elegir pesos en el zoológico de torchvision ---------------------------------------


def _rows(column="_ops", defaults_only=False):
    from torchvision import models

    rows = []
    for name in models.list_models(module=models):
        weights = models.get_model_weights(name)
        for w in [weights.DEFAULT] if defaults_only else list(weights):
            m = w.meta.get("_metrics", {}).get("ImageNet-1K")
            if m:
                rows.append((str(w), m["acc@1"], w.meta[column], "license" in w.meta))
    return rows


def _picker(column="_ops", defaults_only=False, mind_license=True, nan_passes=False):
    def pick_weights(min_acc, commercial):
        ok = [
            r
            for r in _rows(column, defaults_only)
            if (not r[1] < min_acc if nan_passes else r[1] >= min_acc)
            and not (commercial and mind_license and r[3])
        ]
        return min(ok, key=lambda r: r[2])[0] if ok else None

    return pick_weights


# --- 38.3 · Qué congela freeze=N ----------------------------------------------------------------


def _no_dot(names, n):
    # 'model.1' sin el punto: también coincide con 'model.10', 'model.11'…
    prefixes = [f"model.{i}" for i in range(n)] + [".dfl"]
    return [k for k in names if any(p in k for p in prefixes)]


def _no_dfl(names, n):
    prefixes = [f"model.{i}." for i in range(n)]
    return [k for k in names if any(p in k for p in prefixes)]


def _one_too_many(names, n):
    prefixes = [f"model.{i}." for i in range(n + 1)] + [".dfl"]
    return [k for k in names if any(p in k for p in prefixes)]


MISTAKES = [
    Mistake("dia-038.1", "cuenta tensores, no parámetros", _counts_tensors, r"tensores"),
    Mistake("dia-038.1", "solo compara el nombre", _name_only, r"forma"),
    Mistake("dia-038.1", "divide por el origen", _over_source, r"origen"),
    Mistake("dia-038.2", "ignora la licencia", _picker(mind_license=False), r"license"),
    Mistake("dia-038.2", "menos parámetros, no menos cálculo", _picker("num_params"), r"'_ops'"),
    Mistake("dia-038.2", "solo los pesos DEFAULT", _picker(defaults_only=True), r"DEFAULT"),
    Mistake("dia-038.2", "deja pasar la precisión nan", _picker(nan_passes=True), r"nan"),
    Mistake("dia-038.3", "prefijo sin el punto final", _no_dot, r"punto final"),
    Mistake("dia-038.3", "olvida la capa dfl", _no_dfl, r"dfl"),
    Mistake("dia-038.3", "congela una capa de más", _one_too_many, r"sobra una"),
]

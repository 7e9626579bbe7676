"""Errores típicos del día 35: unir teselas, fusionar cajas con WBF y elegir imgsz."""

from __future__ import annotations

import numpy as np
import torch
from torchvision.ops import batched_nms, nms

from mistakes import Mistake

# --- 35.1 · Unir las detecciones de las teselas ------------------------------------------------


def _shifted(tile_dets, origins, swap=False):
    parts = []
    for dets, (x, y) in zip(tile_dets, origins, strict=True):
        d = np.array(dets, dtype=float).reshape(-1, 6)
        dx, dy = (y, x) if swap else (x, y)
        d[:, [0, 2]] += dx
        d[:, [1, 3]] += dy
        parts.append(d)
    return torch.tensor(np.concatenate(parts))


def _no_shift(tile_dets, origins, iou_thr):
    # Olvida llevar las cajas a la imagen entera.
    rows = torch.tensor(np.concatenate([np.reshape(d, (-1, 6)) for d in tile_dets]))
    return rows[batched_nms(rows[:, :4], rows[:, 4], rows[:, 5].long(), iou_thr)].numpy()


def _swapped(tile_dets, origins, iou_thr):
    # Suma la x del origen a las y, y al revés.
    rows = _shifted(tile_dets, origins, swap=True)
    return rows[batched_nms(rows[:, :4], rows[:, 4], rows[:, 5].long(), iou_thr)].numpy()


def _agnostic(tile_dets, origins, iou_thr):
    # NMS sin mirar la clase: una bici debajo de una moto desaparece.
    rows = _shifted(tile_dets, origins)
    return rows[nms(rows[:, :4], rows[:, 4], iou_thr)].numpy()


def _no_nms(tile_dets, origins, iou_thr):
    # Solo junta las listas: el objeto del solape sale dos veces.
    rows = _shifted(tile_dets, origins)
    return rows[torch.argsort(-rows[:, 4])].numpy()


# --- 35.2 · Fusión ponderada de cajas (WBF) ----------------------------------------------------


def _iou(a, b):
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - w * h
    return w * h / union


def _make_wbf(weighted=True, penalize=True, per_class=True, average=True):
    def wbf_pair(a, b, iou_thr):
        rows = np.concatenate([np.reshape(a, (-1, 6)), np.reshape(b, (-1, 6))]).astype(float)
        rows = rows[np.argsort(-rows[:, 4], kind="stable")]
        fused, groups = [], []
        for r in rows:
            ious = [_iou(f, r) if (not per_class or f[5] == r[5]) else -1 for f in fused]
            if ious and max(ious) >= iou_thr:
                k = int(np.argmax(ious))
                groups[k].append(r)
                g = np.array(groups[k])
                w = g[:, 4] if weighted else np.ones(len(g))
                if average:
                    fused[k][:4] = (g[:, :4] * w[:, None]).sum(0) / w.sum()
            else:
                fused.append(r.copy())
                groups.append([r])
        out = np.array(fused).reshape(-1, 6)
        for k, g in enumerate(groups):
            conf = np.mean([r[4] for r in g])
            out[k, 4] = conf * min(len(g), 2) / 2 if penalize else conf
        return out

    return wbf_pair


# --- 35.3 · Elegir imgsz con un presupuesto -----------------------------------------------------


def _ignores_budget(results, budget_ms):
    return max(results, key=lambda s: results[s][0])


def _fastest(results, budget_ms):
    fits = [s for s, (_, ms) in results.items() if ms <= budget_ms]
    return min(fits, key=lambda s: results[s][1]) if fits else None


def _strict(results, budget_ms):
    fits = [(m, s) for s, (m, ms) in results.items() if ms < budget_ms]
    return max(fits)[1] if fits else None


def _never_none(results, budget_ms):
    fits = [(m, s) for s, (m, ms) in results.items() if ms <= budget_ms]
    return max(fits)[1] if fits else min(results, key=lambda s: results[s][1])


MISTAKES = [
    Mistake("dia-035.1", "sin sumar el origen", _no_shift, r"coordenadas de su tesela"),
    Mistake("dia-035.1", "origen cambiado", _swapped, r"origen cambiado"),
    Mistake("dia-035.1", "NMS sin clases", _agnostic, r"por clase"),
    Mistake("dia-035.1", "sin NMS", _no_nms, r"duplicados"),
    Mistake("dia-035.2", "NMS en vez de media", _make_wbf(average=False), r"eso es NMS"),
    Mistake("dia-035.2", "media sin ponderar", _make_wbf(weighted=False), r"media simple"),
    Mistake("dia-035.2", "sin penalizar", _make_wbf(penalize=False), r"perder peso"),
    Mistake("dia-035.2", "mezcla clases", _make_wbf(per_class=False), r"clases distintas"),
    Mistake("dia-035.3", "ignora el presupuesto", _ignores_budget, r"no cabe"),
    Mistake("dia-035.3", "el más rápido", _fastest, r"más rápido"),
    Mistake("dia-035.3", "tiempo < presupuesto", _strict, r"≤ presupuesto"),
    Mistake("dia-035.3", "nunca None", _never_none, r"devuelve None"),
]

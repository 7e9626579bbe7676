"""Entrena los modelos pequeños que el paquete trae para la Parte III y mide su calidad y velocidad.

Uso (solo mantenedores; en esta máquina de 2 núcleos, entre 20 y 65 minutos cada uno):

    python scripts/train_detectors.py escenas   [--epochs 35] [--train 600] [--imgsz 320]
    python scripts/train_detectors.py incendios [--epochs 30] [--train 600]
    python scripts/train_detectors.py hojas     [--epochs 40] [--train 400]

Los tres modelos (:data:`TARGETS`):

- ``escenas``: detector de personas, bicicletas, coches, motos y autobuses, con la mezcla de
  escenas de los laboratorios 4–8 (:data:`MIX`: calle, cola, aparcamiento y recinto de noche);
- ``incendios``: detector de humo y fuego en bosques vistos desde arriba
  (:func:`ia100.synth.nature.make_forest`), con un 30 % de vídeos sin incendio pero con niebla,
  copas otoñales y tejados rojos (lo que da falsas alarmas);
- ``hojas``: segmentador de instancias de hojas, manchas, pulgones y orugas
  (:func:`ia100.synth.nature.make_leaves`), para medir la fracción dañada de cada hoja.

Qué hace, de principio a fin y sin conexión:

1. dibuja un conjunto de entrenamiento, uno de validación y uno de **prueba** con semillas
   disjuntas (la prueba no se toca al entrenar);
2. construye un YOLO11 más estrecho que el «n» (anchura 0,1875 en lugar de 0,25: la mitad de
   parámetros, para que los pesos quepan en el paquete) a partir del fichero de modelo que trae
   Ultralytics (``yolo11.yaml`` o ``yolo11-seg.yaml``), y lo entrena desde cero;
3. evalúa el mejor punto en la prueba (mAP50-95 y mAP50, con ``model.val``; de cajas y, en
   segmentación, también de máscaras) y mide los fotogramas por segundo de ``predict`` en esta
   CPU con un hilo y con todos;
4. copia los pesos a ``src/ia100/assets/models/<nombre>.pt``, escribe el informe ``.json`` al
   lado y actualiza el manifiesto (``scripts/assets.py``).

Licencia de los pesos: Ultralytics se distribuye con licencia AGPL-3.0, y unos pesos entrenados
con su código y su arquitectura se consideran obra derivada: los ofrecemos con AGPL-3.0 (quien
los use en un servicio en red debe publicar su código, o comprar la licencia comercial de
Ultralytics). El resto del paquete sigue siendo MIT.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "src" / "ia100" / "assets"
LICENSE = (
    "AGPL-3.0 (pesos entrenados con Ultralytics, obra derivada; ver scripts/train_detectors.py)"
)
WIDTH = 0.1875  # anchura del modelo (la «n» usa 0,25)


def model_yaml(folder: Path, nc: int, task: str = "detect") -> Path:
    """Copia el YOLO11 de Ultralytics con una sola escala, más estrecha que la «n»."""
    import yaml
    from ultralytics.cfg import __file__ as cfg_init

    name = "yolo11.yaml" if task == "detect" else "yolo11-seg.yaml"
    src = Path(cfg_init).parent / "models" / "11" / name
    spec = yaml.safe_load(src.read_text())
    spec["nc"] = nc
    spec["scales"] = {"n": [0.50, WIDTH, 1024]}
    out = folder / "yolo11-escenas.yaml"
    out.write_text(yaml.safe_dump(spec, sort_keys=False))
    return out


def scene(kind: str, seed: int, imgsz: int):
    """Una imagen de entrenamiento de cada tipo de escena del curso, girada al azar."""
    import numpy as np

    from ia100.synth import scenes as sc

    rng = np.random.default_rng(seed)
    size = (imgsz, imgsz)
    if kind == "calle":
        # más autobuses que en la calle por defecto: son la clase más rara y la más difícil
        return sc.make_street(seed, frames=1, size=size, rotate=True, vehicles=(3, 2, 2))
    if kind == "cola":
        made = sc.make_queue(seed, frames=1, size=size)
    elif kind == "aparcamiento":
        made = sc.make_parking(seed, frames=1, size=(int(imgsz * 1.5), imgsz))
    else:  # recinto: un fotograma en el que ya hay intrusos
        made = sc.make_yard(seed, frames=70, size=size, intruders=3)
        made = sc.Scene(made.frames[-1:], made.ids[-1:], made.actors, made.classes)
        for actor in made.actors:  # el fotograma 69 pasa a ser el 0
            actor.path = [(t - 69, x, y) for t, x, y in actor.path]
    return sc._rotate(made, int(rng.integers(4)))


def nature_scene(kind: str, seed: int, imgsz: int):
    """Imágenes de bosque (cinco fotogramas de un vídeo) o una foto de hojas."""
    import numpy as np

    from ia100.synth import nature, scenes

    rng = np.random.default_rng(seed)
    if kind == "hojas":
        return nature.make_leaves(seed, n=1, size=(imgsz, imgsz), pests=0.6)
    fires = 0 if kind == "sin_fuego" else int(rng.integers(1, 4))
    made = nature.make_forest(seed, frames=60, size=(imgsz, imgsz), fires=fires)
    keep = [14, 26, 38, 50, 59]
    return scenes.Scene(made.frames[keep], made.ids[keep], made.actors, made.classes)


#: Proporción de cada tipo de escena en los conjuntos (la calle, la más variada, pesa más).
MIX = {"calle": 0.55, "cola": 0.15, "aparcamiento": 0.15, "recinto": 0.15}

#: Lo que cambia de un modelo a otro: clases, tarea, mezcla de escenas, fichero y descripción.
TARGETS = {
    "escenas": {
        "classes": "ia100.synth.scenes:CLASSES",
        "task": "detect",
        "mix": MIX,
        "scene": scene,
        "images_per_scene": 1,
        "file": "escenas-det",
        "description": "Detector YOLO11 estrecho (persona, bicicleta, coche, moto, autobús) "
        "entrenado con escenas sintéticas (calle, cola, aparcamiento, recinto); lo carga "
        "ia100.vision.load_detector() sin conexión",
    },
    "incendios": {
        "classes": "ia100.synth.nature:FOREST_CLASSES",
        "task": "detect",
        "mix": {"fuego": 0.7, "sin_fuego": 0.3},
        "scene": nature_scene,
        "images_per_scene": 5,
        "file": "incendios-det",
        "description": "Detector YOLO11 estrecho de humo y fuego entrenado con bosques "
        "sintéticos (con niebla, copas otoñales y tejados que confunden); lo carga "
        "ia100.vision.load_detector(fallback='incendios')",
    },
    "hojas": {
        "classes": "ia100.synth.nature:LEAF_CLASSES",
        "task": "segment",
        "mix": {"hojas": 1.0},
        "scene": nature_scene,
        "images_per_scene": 1,
        "file": "hojas-seg",
        "description": "Segmentador YOLO11-seg estrecho (hoja, mancha, pulgón, oruga) entrenado "
        "con hojas sintéticas; lo carga ia100.vision.load_detector(fallback='hojas')",
    },
}


def classes_of(target: dict) -> tuple[str, ...]:
    import importlib

    module, name = target["classes"].split(":")
    return getattr(importlib.import_module(module), name)


def _maker(target: dict, imgsz: int):
    mix, make, per = target["mix"], target["scene"], target["images_per_scene"]

    def scenes(first: int, n: int, kinds=mix):
        out = []
        for kind in kinds:
            out += [make(kind, first + k, imgsz) for k in range(max(1, round(n * mix[kind] / per)))]
        return out

    return scenes


def build_data(folder: Path, target: dict, n_train: int, n_val: int, imgsz: int) -> Path:
    """Escribe entrenamiento y validación (semillas disjuntas de las de prueba); ``n_*`` cuenta imágenes."""
    from ia100.vision.data import write_yolo

    scenes = _maker(target, imgsz)
    splits = {"train": scenes(0, n_train), "val": scenes(100_000, n_val)}
    return write_yolo(folder / "train", splits, task=target["task"])


def build_tests(folder: Path, target: dict, n_test: int, imgsz: int) -> dict[str, Path]:
    """La prueba (semillas que el entrenamiento no ve): toda la mezcla y, si hay varios tipos, cada uno."""
    from ia100.vision.data import write_yolo

    scenes, mix, task = _maker(target, imgsz), target["mix"], target["task"]
    tests = {
        "todas": write_yolo(
            folder / "test", {"train": [], "val": scenes(200_000, n_test)}, task=task
        )
    }
    if len(mix) > 1:
        for kind in mix:  # la prueba de cada tipo, con al menos 40 imágenes
            n = max(n_test, round(40 / mix[kind]))
            tests[kind] = write_yolo(
                folder / f"test-{kind}",
                {"train": [], "val": scenes(300_000, n, [kind])},
                task=task,
            )
    return tests


def measure(weights: Path, target: dict, name: str, tests: dict, imgsz: int, work: Path) -> dict:
    """mAP en la prueba (toda y por tipo de escena y clase) y fotogramas por segundo en esta CPU."""
    from ultralytics import YOLO

    classes, task = classes_of(target), target["task"]
    trained = YOLO(str(weights), task=task)

    def evaluate(data_yaml: Path, run: str):
        return trained.val(
            data=str(data_yaml),
            imgsz=imgsz,
            batch=16,
            plots=False,
            verbose=False,
            project=str(work / "runs"),
            name=run,
            exist_ok=True,
        )

    metrics = evaluate(tests["todas"], "test")
    report = {}
    if len(tests) > 1:
        # Por tipo de escena: mAP donde hay objetos; donde no hay ninguno (bosques sin fuego), el
        # mAP no está definido y lo que importa es cuántas imágenes dan alguna detección (falsas).
        per_scene, false_alarms = {}, {}
        for k, v in tests.items():
            if k == "todas":
                continue
            labels = (v.parent / "labels" / "val").glob("*.txt")
            if any(p.read_text().strip() for p in labels):
                per_scene[k] = round(float(evaluate(v, f"test-{k}").box.map), 4)
            else:
                images = sorted((v.parent / "images" / "val").glob("*.png"))
                found = [
                    len(r.boxes) > 0
                    for r in trained.predict(images, imgsz=imgsz, stream=True, verbose=False)
                ]
                false_alarms[k] = round(sum(found) / len(found), 4)
        report["test_map50_95_per_scene"] = per_scene
        if false_alarms:
            report["test_images_with_false_detections"] = false_alarms  # confianza ≥ 0,25
    report |= {
        "test_map50_95": round(float(metrics.box.map), 4),
        "test_map50": round(float(metrics.box.map50), 4),
        "test_map50_95_per_class": {
            k: round(float(v), 4) for k, v in zip(classes, metrics.box.maps, strict=True)
        },
    }
    if task == "segment":
        report["test_mask_map50_95"] = round(float(metrics.seg.map), 4)
        report["test_mask_map50_95_per_class"] = {
            k: round(float(v), 4) for k, v in zip(classes, metrics.seg.maps, strict=True)
        }
    frames = speed_frames(name)
    report |= {
        "fps_cpu_1_thread": round(fps(trained, frames, imgsz, 1), 1),
        f"fps_cpu_{os.cpu_count()}_threads": round(
            fps(trained, frames, imgsz, os.cpu_count() or 1), 1
        ),
        "cpu": f"{os.cpu_count()} núcleos",
    }
    return report


def fps(model, frames, imgsz: int, threads: int) -> float:
    """Fotogramas por segundo de ``predict`` con ``threads`` hilos de torch (sin contar el primero)."""
    import torch

    torch.set_num_threads(threads)
    frames = frames[:, :, :, ::-1]  # BGR, como llega de una cámara
    model.predict(list(frames[:3]), imgsz=imgsz, verbose=False)  # calentamiento
    start = time.perf_counter()
    for frame in frames:
        model.predict(frame, imgsz=imgsz, verbose=False)
    return len(frames) / (time.perf_counter() - start)


def speed_frames(name: str):
    """40 fotogramas de prueba del tipo de cada modelo (480×320, como en los laboratorios)."""
    from ia100.synth import nature
    from ia100.synth.scenes import make_street

    if name == "incendios":
        return nature.make_forest(300_000, frames=40, size=(480, 320), fires=2).frames
    if name == "hojas":
        return nature.make_leaves(300_000, n=40, size=(320, 320)).frames
    return make_street(300_000, frames=40, size=(480, 320)).frames


def cache_dir_default(name: str) -> Path:
    from ia100.io import cache_dir

    return cache_dir() / "train-detectors" / name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", choices=sorted(TARGETS))
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--train", type=int, default=500, help="imágenes de entrenamiento")
    parser.add_argument("--imgsz", type=int, default=320)
    parser.add_argument(
        "--workdir", default=None, help="carpeta de trabajo (por defecto, en la caché)"
    )
    parser.add_argument("--no-install", action="store_true", help="no copiar al paquete")
    parser.add_argument(
        "--evaluate",
        action="store_true",
        help="no entrenar: volver a medir el modelo que ya trae el paquete y renovar su informe",
    )
    parser.add_argument(
        "--install-only",
        action="store_true",
        help="no entrenar: copiar al paquete lo que dejó un entrenamiento en --workdir",
    )
    args = parser.parse_args()
    target = TARGETS[args.name]
    if args.evaluate:
        evaluate_shipped(args.name, target, args.imgsz, args.workdir)
        return
    if args.install_only:
        work = Path(args.workdir or cache_dir_default(args.name)).resolve()
        report = json.loads((work / "report.json").read_text(encoding="utf-8"))
        install(target, work / "runs" / "train" / "weights" / "best.pt", report)
        return

    os.environ.setdefault("IA100_OFFLINE", "1")
    from ia100.vision import configure

    configure(threads=os.cpu_count() or 1)
    from ultralytics import YOLO

    classes = classes_of(target)
    task = target["task"]
    work = Path(args.workdir or cache_dir_default(args.name)).resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    t0 = time.perf_counter()
    n_test = 160
    data = build_data(work / "data", target, args.train, args.train // 5, args.imgsz)
    tests = build_tests(work / "data", target, n_test, args.imgsz)
    t_data = time.perf_counter() - t0
    model = YOLO(str(model_yaml(work, len(classes), task)), task=task)
    params = sum(p.numel() for p in model.model.parameters())
    t1 = time.perf_counter()
    model.train(
        data=str(data),
        epochs=args.epochs,
        imgsz=args.imgsz,
        batch=16,
        workers=0,
        seed=0,
        deterministic=True,
        optimizer="AdamW",
        lr0=0.003,
        warmup_epochs=0,
        mosaic=0.0,
        flipud=0.5,
        fliplr=0.5,
        plots=False,
        amp=False,
        project=str(work / "runs"),
        name="train",
        exist_ok=True,
        verbose=False,
    )
    t_train = time.perf_counter() - t1
    best = work / "runs" / "train" / "weights" / "best.pt"
    width = str(WIDTH).replace(".", ",")
    report = {
        "model": f"YOLO11{'-seg' if task == 'segment' else ''} (anchura {width}) entrenado "
        "desde cero con scripts/train_detectors.py",
        "task": task,
        "classes": list(classes),
        "parameters": params,
        "imgsz": args.imgsz,
        "epochs": args.epochs,
        "train_images": args.train,
        "test_images": n_test,
        "scene_mix": target["mix"],
    }
    report |= measure(best, target, args.name, tests, args.imgsz, work)
    report |= {
        "seconds_data": round(t_data),
        "seconds_train": round(t_train),
        "command": " ".join(["python", "scripts/train_detectors.py", *sys.argv[1:]]),
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    (work / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    if not args.no_install:
        install(target, best, report)


def evaluate_shipped(name: str, target: dict, imgsz: int, workdir: str | None) -> None:
    """Mide otra vez el modelo del paquete con la verdad de hoy y renueva las cifras de su informe.

    Para cuando cambia la verdad de las escenas (p. ej., una máscara corregida) y los pesos no:
    el informe dice entonces cuánto vale el modelo frente a la verdad que usan los cuadernos.
    """
    os.environ.setdefault("IA100_OFFLINE", "1")
    from ia100.vision import configure

    configure(threads=os.cpu_count() or 1)
    stem = target["file"]
    weights, path = ASSETS / "models" / f"{stem}.pt", ASSETS / "models" / f"{stem}.json"
    report = json.loads(path.read_text(encoding="utf-8"))
    work = Path(workdir or cache_dir_default(name) / "evaluar").resolve()
    shutil.rmtree(work, ignore_errors=True)
    tests = build_tests(work / "data", target, report["test_images"], imgsz)
    report |= measure(weights, target, name, tests, imgsz, work)
    report["evaluated_with"] = " ".join(["python", "scripts/train_detectors.py", *sys.argv[1:]])
    print(json.dumps(report, ensure_ascii=False, indent=2))
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "assets.py"), "update"], check=True)


def install(target: dict, best: Path, report: dict) -> None:
    """Copia los pesos y el informe al paquete y los anota en el manifiesto."""
    target_dir = ASSETS / "models"
    target_dir.mkdir(exist_ok=True)
    stem = target["file"]
    shutil.copyfile(best, target_dir / f"{stem}.pt")
    (target_dir / f"{stem}.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    )
    command = report["command"].replace(" --no-install", "")
    for name, license_, desc in (
        (f"models/{stem}.pt", LICENSE, target["description"]),
        (
            f"models/{stem}.json",
            "MIT (informe generado)",
            "Informe del entrenamiento del modelo: mAP50-95 en la prueba, FPS en CPU, tiempos y orden",
        ),
    ):
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts" / "assets.py"),
                "add",
                name,
                "--license",
                license_,
                "--command",
                command,
                "--description",
                desc,
            ],
            check=False,  # el primero falla la comprobación hasta que se anota el segundo
        )
    subprocess.run([sys.executable, str(ROOT / "scripts" / "assets.py"), "check"], check=True)


if __name__ == "__main__":
    main()

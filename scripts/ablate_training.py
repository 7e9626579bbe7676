"""Mide en el mAP lo que se decide al entrenar un detector (día 35): una ablación con varias semillas.

Uso (solo mantenedores; en esta máquina de 2 núcleos, unos 30–40 minutos con ``--jobs 2``):

    python scripts/ablate_training.py [--seeds 0,1,2] [--train 48] [--epochs 15] [--jobs 2]
    python scripts/ablate_training.py --no-install     # medir sin tocar el paquete
    python scripts/ablate_training.py --only "VARIANTE" --extend   # añadir una variante al informe

La tarea es la de los días 35 y 38: **enseñar una clase nueva** (el contenedor de basura de
:func:`ia100.synth.scenes.add_containers`) al detector del curso con pocas imágenes de calle,
un ajuste fino con la columna congelada (``freeze=10``), que es el entrenamiento que un alumno
hace de verdad. Cada variante cambia **una** cosa de la receta base y se entrena con las mismas
semillas que la base, para comparar por parejas:

- ``sin aumento``: sin volteos, traslación, escala ni color (la base usa los de Ultralytics);
- ``mosaico``: el mosaico de 4 imágenes (``mosaic=1``), apagado en las 3 últimas épocas;
- ``multiescala``: ``multi_scale=0.5`` (cada lote, entre 0,5 y 1,5 veces ``imgsz``);
- ``el doble de épocas``, y ``sin aumento y el doble de épocas`` (¿rinde el aumento cuando hay
  más épocas?);
- ``equilibrio de clases``: ``cls_pw=1`` (la pérdida de clases, pesada por la inversa de la
  frecuencia de cada clase);
- ``desde cero``: la misma red con pesos al azar, sin congelar nada, con la misma receta (la
  comparación del día 38).

Mide cada modelo en una prueba con semillas que el entrenamiento no ve (``model.val``: mAP50-95,
mAP50 y el AP50-95 de cada clase) y escribe el informe ``reports/ablacion-entrenamiento.json``
en el paquete (y lo anota en el manifiesto), que el día 35 muestra y comprueba.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "src" / "ia100" / "assets"
REPORT = "reports/ablacion-entrenamiento.json"
TRAIN_SEED, TEST_SEED = 910_000, 920_000  # los del día 38
IMGSZ = 320
#: La receta base: la de los detectores del curso para un ajuste fino corto.
BASE = dict(
    imgsz=IMGSZ,
    batch=4,
    workers=0,
    deterministic=True,
    optimizer="AdamW",
    lr0=0.01,
    warmup_epochs=0,
    mosaic=0.0,
    flipud=0.5,
    fliplr=0.5,
    amp=False,
    val=False,
    plots=False,
    verbose=False,
    freeze=10,
)
#: Cada variante: lo que cambia respecto a la base (``epochs`` es un factor).
VARIANTS = {
    "receta base": {},
    "sin aumento": dict(
        hsv_h=0.0, hsv_s=0.0, hsv_v=0.0, fliplr=0.0, flipud=0.0, translate=0.0, scale=0.0
    ),
    "mosaico": dict(mosaic=1.0, close_mosaic=3),
    "multiescala": dict(multi_scale=0.5),
    "el doble de épocas": dict(epochs=2),
    "equilibrio de clases": dict(cls_pw=1.0),
    # ¿El aumento rinde con más épocas? (la interacción entre dos filas de arriba)
    "sin aumento y el doble de épocas": dict(
        hsv_h=0.0, hsv_s=0.0, hsv_v=0.0, fliplr=0.0, flipud=0.0, translate=0.0, scale=0.0, epochs=2
    ),
    "desde cero": dict(scratch=True),  # la misma red con pesos al azar y sin congelar (día 38)
}


def images(first: int, n: int):
    from ia100.synth.scenes import add_containers, make_street

    return [
        add_containers(
            make_street(first + k, frames=1, size=(IMGSZ, IMGSZ), rotate=True), first + k
        )
        for k in range(n)
    ]


def build(work: Path, n_train: int, n_test: int) -> tuple[Path, Path]:
    """Escribe los datos YOLO y el fichero de la red de 6 clases; devuelve sus rutas."""
    import ultralytics
    import yaml

    from ia100.vision.data import write_yolo

    data = write_yolo(
        work / "datos",
        {"train": images(TRAIN_SEED, n_train), "val": images(TEST_SEED, n_test)},
    )
    spec = yaml.safe_load(
        (Path(ultralytics.__file__).parent / "cfg" / "models" / "11" / "yolo11.yaml").read_text()
    )
    spec["nc"] = 6
    spec["scales"] = {"n": [0.50, 0.1875, 1024]}  # la anchura del detector del curso
    net = work / "yolo11n-contenedores.yaml"  # la «n» del nombre elige la escala
    net.write_text(yaml.safe_dump(spec, sort_keys=False))
    return data, net


def run_one(variant: str, seed: int, data: Path, net: Path, epochs: int, work: Path) -> dict:
    """Entrena y mide una variante con una semilla (en este proceso, con un hilo)."""
    import logging

    from ia100 import vision

    vision.configure(threads=1, verbose=False)
    from ultralytics import YOLO
    from ultralytics.utils import LOGGER

    LOGGER.setLevel(logging.WARNING)
    change = dict(VARIANTS[variant])
    n_epochs = epochs * change.pop("epochs", 1)
    from ia100.synth.scenes import CLASSES, CONTAINER

    model = YOLO(str(net))
    model.model.names = dict(enumerate([*CLASSES, CONTAINER]))  # para copiar las 5 por nombre
    if change.pop("scratch", False):
        change["freeze"] = None  # congelar una columna al azar no tendría sentido
    else:
        model.load(str(vision.shipped("escenas")))
    name = f"{variant.replace(' ', '-')}-{seed}"
    t0 = time.perf_counter()
    model.train(
        data=str(data),
        epochs=n_epochs,
        seed=seed,
        project=str(work / "runs"),
        name=name,
        exist_ok=True,
        **(BASE | change),
    )
    seconds = time.perf_counter() - t0
    m = model.val(
        data=str(data),
        imgsz=IMGSZ,
        batch=8,
        plots=False,
        verbose=False,
        project=str(work / "runs"),
        name=f"val-{name}",
        exist_ok=True,
    )
    return {
        "map50_95": round(float(m.box.map), 4),
        "map50": round(float(m.box.map50), 4),
        "ap50_95_per_class": [round(float(v), 4) for v in m.box.maps],
        "seconds_train": round(seconds, 1),
    }


def original_detector(work: Path) -> dict:
    """El detector del curso sin ajustar, en la misma prueba (solo sabe las 5 clases viejas)."""
    import logging

    from ia100 import vision

    vision.configure(threads=1, verbose=False)
    from ultralytics import YOLO
    from ultralytics.utils import LOGGER

    LOGGER.setLevel(logging.ERROR)  # avisa de que ignora las etiquetas de la clase nueva
    m = YOLO(str(vision.shipped("escenas"))).val(
        data=str(work / "datos" / "data.yaml"),
        imgsz=IMGSZ,
        batch=8,
        plots=False,
        verbose=False,
        project=str(work / "runs"),
        name="val-original",
        exist_ok=True,
    )
    return {
        "map50_95": round(float(m.box.map), 4),
        "ap50_95_per_class": [round(float(v), 4) for v in m.box.maps],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--train", type=int, default=48, help="imágenes de entrenamiento")
    parser.add_argument("--test", type=int, default=80, help="imágenes de prueba")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument(
        "--jobs", type=int, default=2, help="entrenamientos a la vez (1 hilo cada uno)"
    )
    parser.add_argument("--only", default=",".join(VARIANTS), help="variantes separadas por comas")
    parser.add_argument("--no-install", action="store_true", help="no escribir en el paquete")
    parser.add_argument("--workdir", default=None)
    parser.add_argument(
        "--extend",
        action="store_true",
        help="añadir las variantes de --only al informe del paquete (mismos datos y semillas)",
    )
    parser.add_argument("--one", nargs=2, metavar=("VARIANTE", "SEMILLA"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("IA100_OFFLINE", "1")
    work = Path(args.workdir or tempfile.mkdtemp(prefix="ablacion-")).resolve()
    if args.one:  # un entrenamiento, en un proceso hijo: imprime su resultado en JSON
        out = run_one(
            args.one[0],
            int(args.one[1]),
            work / "datos" / "data.yaml",
            work / "yolo11n-contenedores.yaml",
            args.epochs,
            work,
        )
        print("RESULTADO " + json.dumps(out))
        return

    t0 = time.perf_counter()
    build(work, args.train, args.test)
    seeds = [int(s) for s in args.seeds.split(",")]
    variants = [v for v in args.only.split(",") if v]
    unknown = set(variants) - set(VARIANTS)
    if unknown:
        sys.exit(f"Variantes desconocidas: {sorted(unknown)}; las hay: {list(VARIANTS)}")
    jobs = [(v, s) for s in seeds for v in variants]
    # Las más largas primero, para que los dos procesos acaben a la vez.
    jobs.sort(key=lambda j: (-VARIANTS[j[0]].get("epochs", 1), "scratch" not in VARIANTS[j[0]]))

    def launch(job):
        variant, seed = job
        cmd = [
            sys.executable,
            __file__,
            "--one",
            variant,
            str(seed),
            "--workdir",
            str(work),
            "--epochs",
            str(args.epochs),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        line = [x for x in done.stdout.splitlines() if x.startswith("RESULTADO ")]
        if done.returncode or not line:
            raise RuntimeError(f"{variant} (semilla {seed}) falló:\n{done.stderr[-3000:]}")
        result = json.loads(line[-1].removeprefix("RESULTADO "))
        print(
            f"{variant:22s} semilla {seed}: mAP50-95 {result['map50_95']:.3f} · "
            f"contenedor {result['ap50_95_per_class'][5]:.3f} · {result['seconds_train']:.0f} s",
            flush=True,
        )
        return job, result

    with ThreadPoolExecutor(args.jobs) as pool:
        results = dict(pool.map(launch, jobs))
        original = original_detector(work)
    import ultralytics

    from ia100.synth.scenes import CLASSES, CONTAINER

    report = {
        "task": "ajuste fino del detector del curso (escenas) a una clase nueva, el contenedor, "
        "con la columna congelada",
        "classes": [*CLASSES, CONTAINER],
        "train_images": args.train,
        "test_images": args.test,
        "train_seeds_from": TRAIN_SEED,
        "test_seeds_from": TEST_SEED,
        "epochs": args.epochs,
        "base_recipe": {k: v for k, v in BASE.items() if k not in ("verbose", "plots")},
        "variants": {v: VARIANTS[v] for v in variants},
        "seeds": seeds,
        "results": {v: {str(s): results[v, s] for s in seeds} for v in variants},
        "original_detector": original,
        "ultralytics": ultralytics.__version__,
        "cpu": f"{os.cpu_count()} núcleos, {args.jobs} entrenamientos a la vez con 1 hilo",
        "seconds_total": round(time.perf_counter() - t0),
        "command": " ".join(["python", "scripts/ablate_training.py", *sys.argv[1:]]),
    }
    if args.extend:  # las variantes nuevas, junto a las del informe que ya está en el paquete
        old = json.loads((ASSETS / REPORT).read_text(encoding="utf-8"))
        same = ("train_images", "test_images", "epochs", "seeds", "base_recipe", "classes")
        if any(old[k] != report[k] for k in same):
            sys.exit("--extend: el informe del paquete se hizo con otros datos, épocas o semillas.")
        old["variants"] |= report["variants"]
        old["results"] |= report["results"]
        old["seconds_total"] += report["seconds_total"]
        old["command"] = f"{old['command']} && {report['command']}"
        report = old
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    (work / "ablacion-entrenamiento.json").write_text(text, encoding="utf-8")
    print(f"informe en {work / 'ablacion-entrenamiento.json'} ({report['seconds_total']} s)")
    if args.no_install:
        return
    (ASSETS / REPORT).parent.mkdir(exist_ok=True)
    (ASSETS / REPORT).write_text(text, encoding="utf-8")
    command = report["command"]
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "assets.py"),
            "add",
            REPORT,
            "--license",
            "MIT (informe generado)",
            "--command",
            command,
            "--description",
            "Ablación de técnicas de entrenamiento (aumento, mosaico, multiescala, épocas, "
            "equilibrio de clases) con varias semillas: mAP50-95 de cada modelo (día 35)",
        ],
        check=True,
    )
    subprocess.run([sys.executable, str(ROOT / "scripts" / "assets.py"), "check"], check=True)


if __name__ == "__main__":
    main()

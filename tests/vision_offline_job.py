"""Trabajo que ejecuta tests/test_vision.py en un proceso aparte, con la red cortada.

Corta la red dentro del proceso antes de importar nada (toda conexión o resolución de nombres
que no sea a 127.0.0.1 lanza un error y queda anotada), y luego hace lo que hace la Parte III:
configurar Ultralytics con ``ia100.vision.configure``, escribir un conjunto YOLO pequeño,
entrenar una época, validar, seguir objetos en un vídeo y pasar fotogramas por cada solución
que usan los laboratorios. Imprime una línea JSON con los intentos de red y lo que devolvió cada
paso. Se ejecuta con el directorio de trabajo dentro de ``chapters/`` (como un cuaderno).
"""

from __future__ import annotations

import json
import socket
import sys
import tempfile
from pathlib import Path

ATTEMPTS: list[str] = []
_LOCAL = {"127.0.0.1", "localhost", "::1", None, ""}


def _blocked(what):
    def guard(*args, **kwargs):
        host = args[0] if args else kwargs.get("host")
        if isinstance(host, tuple):
            host = host[0]
        if host in _LOCAL:
            return _originals[what](*args, **kwargs)
        ATTEMPTS.append(f"{what}({host})")
        raise OSError(f"red cortada por la prueba: {what}({host})")

    return guard


_originals = {
    "getaddrinfo": socket.getaddrinfo,
    "create_connection": socket.create_connection,
}
socket.getaddrinfo = _blocked("getaddrinfo")
socket.create_connection = _blocked("create_connection")
_connect = socket.socket.connect


def _socket_connect(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if host not in _LOCAL and self.family in (socket.AF_INET, socket.AF_INET6):
        ATTEMPTS.append(f"connect({host})")
        raise OSError(f"red cortada por la prueba: connect({host})")
    return _connect(self, address)


socket.socket.connect = _socket_connect


def main() -> None:
    import ia100

    ia100.setup(verbose=False)
    from ia100 import vision
    from ia100.synth.scenes import make_street
    from ia100.vision.data import save_video, write_yolo

    vision.configure(verbose=False)
    from ultralytics import solutions

    out: dict = {}
    work = Path(tempfile.mkdtemp(prefix="ia100-offline-"))
    scenes = [make_street(s, frames=1, size=(160, 160)) for s in range(6)]
    data = write_yolo(work / "det", {"train": scenes[:4], "val": scenes[4:]})
    model = vision.load_detector(verbose=False)
    out["fallback_classes"] = list(model.names.values())
    model.train(
        data=str(data),
        epochs=1,
        imgsz=160,
        batch=4,
        workers=0,
        plots=False,
        verbose=False,
        project=str(vision.runs_dir()),
        name="offline",
        exist_ok=True,
    )
    metrics = model.val(
        data=str(data),
        imgsz=160,
        batch=4,
        plots=False,
        verbose=False,
        project=str(vision.runs_dir()),
        name="offline-val",
        exist_ok=True,
    )
    out["val_map"] = float(metrics.box.map)
    # ¿una etiqueta con tilde se dibuja sin descargar la fuente Arial.Unicode.ttf?
    from ultralytics.utils.plotting import Annotator

    ann = Annotator(scenes[0].frames[0].copy(), font="Arial.Unicode.ttf", pil=True)
    ann.box_label([5, 5, 60, 40], "autobús 0.9")
    video = save_video(make_street(1, frames=12, size=(320, 192)).frames, work / "calle.mp4")
    tracked = list(
        vision.load_detector(verbose=False).track(
            source=str(video),
            tracker="bytetrack.yaml",
            imgsz=320,
            stream=True,
            verbose=False,
            project=str(vision.runs_dir()),
            name="offline-track",
            exist_ok=True,
            save=False,
        )
    )
    out["tracked_frames"] = len(tracked)
    weights = str(vision.shipped())
    parking = work / "plazas.json"
    parking.write_text(json.dumps([{"points": [[10, 10], [60, 10], [60, 60], [10, 60]]}]))
    common = {"model": weights, "show": False, "verbose": False, "imgsz": 320}
    region = [(160, 0), (160, 192)]
    zone = [(20, 20), (300, 20), (300, 170), (20, 170)]
    tools = {
        "ObjectCounter": solutions.ObjectCounter(region=region, **common),
        "Heatmap": solutions.Heatmap(region=region, colormap=2, **common),
        "QueueManager": solutions.QueueManager(region=zone, **common),
        "RegionCounter": solutions.RegionCounter(region={"zona": zone}, **common),
        "ParkingManagement": solutions.ParkingManagement(json_file=str(parking), **common),
        "SecurityAlarm": solutions.SecurityAlarm(records=1, **common),
        "TrackZone": solutions.TrackZone(region=zone, **common),
    }
    frames = make_street(2, frames=6, size=(320, 192)).frames[:, :, :, ::-1]  # BGR
    for name, tool in tools.items():
        for frame in frames:
            result = tool(frame.copy())
        out[name] = type(result).__name__
    out["attempts"] = ATTEMPTS
    print("RESULT " + json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())

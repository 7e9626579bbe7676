"""Mantiene el manifiesto de los ficheros que trae el paquete (``src/ia100/assets/MANIFEST.json``).

Uso:

    python scripts/assets.py add text/stopwords-es.txt --license "MIT" \\
        --command "escrita a mano" --description "palabras vacías del español"
    python scripts/assets.py update    # recalcula suma y tamaño tras regenerar un fichero
    python scripts/assets.py check     # falla si un fichero y su entrada no coinciden

Cada entrada guarda la ruta (relativa a ``src/ia100/assets``), la suma SHA-256, el tamaño en
bytes, la licencia, la orden que lo produjo y una descripción. Solo para mantenedores.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1] / "src" / "ia100" / "assets"
MANIFEST = ASSETS / "MANIFEST.json"
LIMIT = 5 * 1024 * 1024  # un fichero del paquete no pasa de 5 MB


def read() -> list[dict]:
    if not MANIFEST.exists():
        return []
    return json.loads(MANIFEST.read_text(encoding="utf-8"))["files"]


def write(entries: list[dict]) -> None:
    entries = sorted(entries, key=lambda e: e["file"])
    text = json.dumps({"files": entries}, ensure_ascii=False, indent=2) + "\n"
    MANIFEST.write_text(text, encoding="utf-8")


def measure(name: str) -> dict:
    data = (ASSETS / name).read_bytes()
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def problems(entries: list[dict]) -> list[str]:
    """Lo que no cuadra entre el manifiesto y la carpeta (vacío si todo está bien)."""
    found = []
    listed = {e["file"] for e in entries}
    on_disk = {
        p.relative_to(ASSETS).as_posix()
        for p in ASSETS.rglob("*")
        if p.is_file() and p.name not in {"MANIFEST.json", "__init__.py"} and p.suffix != ".pyc"
    }
    found += [f"{f}: está en la carpeta pero no en el manifiesto" for f in sorted(on_disk - listed)]
    for entry in entries:
        name = entry["file"]
        if name not in on_disk:
            found.append(f"{name}: está en el manifiesto pero no en la carpeta")
            continue
        if measure(name) != {"sha256": entry["sha256"], "size": entry["size"]}:
            found.append(f"{name}: la suma o el tamaño no coinciden (¿update?)")
        if entry["size"] > LIMIT:
            found.append(f"{name}: pasa de {LIMIT // 2**20} MB; publícalo aparte")
        for key in ("license", "command", "description"):
            if not str(entry.get(key, "")).strip():
                found.append(f"{name}: falta «{key}»")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add", help="anota un fichero nuevo")
    add.add_argument("file")
    for key in ("--license", "--command", "--description"):
        add.add_argument(key, required=True)
    sub.add_parser("update", help="recalcula sumas y tamaños")
    sub.add_parser("check", help="comprueba el manifiesto")
    args = parser.parse_args(argv)
    entries = read()
    if args.action == "add":
        entries = [e for e in entries if e["file"] != args.file]
        entry = {"file": args.file, **measure(args.file)}
        entry |= {"license": args.license, "command": args.command}
        entries.append(entry | {"description": args.description})
        write(entries)
    elif args.action == "update":
        write([e | measure(e["file"]) for e in entries])
    found = problems(read())
    for line in found:
        print(f"❌ {line}")
    if not found:
        print(f"✅ Manifiesto y ficheros coinciden ({len(read())} en total).")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

"""Herramientas de texto en español para la Parte IV (procesamiento del lenguaje).

Para qué sirve: lo que varios días de NLP necesitan y no es la lección: por ahora,
:func:`stopwords`, la lista de palabras vacías del español que el paquete trae consigo
(``assets/text/stopwords-es.txt``, escrita para el curso), que funciona sin conexión y sin
``nltk.download``.

Para qué NO sirve: no tokeniza, no lematiza ni vectoriza: eso se escribe en los cuadernos, que
es donde se enseña. Se carga solo cuando se usa (``ia100.nlp``), así que ``import ia100`` no lo
paga.
"""

from __future__ import annotations

from functools import cache

from ia100 import assets

__all__ = ["stopwords"]


@cache
def stopwords() -> frozenset[str]:
    """Las palabras vacías del español del curso, en minúsculas y con tildes.

    Returns:
        Un conjunto inmutable (unas 200 palabras: artículos, preposiciones, pronombres,
        conjunciones y las formas más comunes de ser, estar, haber…). Incluye «no», «sin» y
        «nunca»: quítalas si la negación importa para tu tarea (por ejemplo, sentimiento).

    Se usa en: Parte IV.
    """
    text = assets.path("text/stopwords-es.txt").read_text(encoding="utf-8")
    words = (line.strip() for line in text.splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))

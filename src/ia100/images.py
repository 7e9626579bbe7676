"""Nombre antiguo de :mod:`ia100.synth.pets`, que se mantiene para el código publicado.

Para qué sirve: ``from ia100.images import make_pets`` sigue funcionando.

Para qué NO sirve: el código nuevo importa de :mod:`ia100.synth` o usa ``ia100.make_pets``.
"""

from ia100.synth.pets import ANIMALS, Images, make_pets, save_image_folder

__all__ = ["ANIMALS", "Images", "make_pets", "save_image_folder"]

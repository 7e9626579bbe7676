"""Generadores de datos sintéticos del curso: deterministas por semilla, de cualquier tamaño.

Para qué sirve: dar a cada lección datos sin conexión con la forma y la dificultad de los reales
y, cuando hace falta, con la verdad de lo que ocurrió (etiquetas, cajas, trayectorias).

- :mod:`ia100.synth.pets`: caras de animales dibujadas (Parte II);
- :mod:`ia100.synth.scenes`: escenas de calle vistas desde arriba, con cajas, máscaras,
  trayectorias y eventos verdaderos (Parte III);
- :mod:`ia100.synth.nature`: un bosque con incendios (humo y llamas, con distractores) y hojas
  de cultivo con manchas y plagas, con la fracción dañada de cada hoja (Parte III).

Contrato de todo generador: la misma semilla da exactamente los mismos datos; el tamaño y la
cantidad se piden como argumentos; no descarga nada.

Para qué NO sirve: no carga datos reales (eso es :mod:`ia100.datasets`) ni aumenta datos.
"""

from ia100.synth import nature, scenes
from ia100.synth.pets import ANIMALS, Images, make_pets, save_image_folder

__all__ = ["ANIMALS", "Images", "make_pets", "nature", "save_image_folder", "scenes"]

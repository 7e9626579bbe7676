"""Un servidor de correo de pruebas en tu propia máquina, para alarmas que mandan correos de verdad.

Para qué sirve: que una alarma (día 45, laboratorio 6) envíe un correo real con ``smtplib`` sin
cuenta, sin contraseña y sin conexión. :class:`LocalSMTP` arranca un servidor SMTP de
``aiosmtpd`` en ``127.0.0.1`` (en un puerto libre) que guarda cada mensaje recibido en
``.messages``; el día 45 enseña cómo está hecho por dentro.

Para qué NO sirve: no reenvía nada a ningún sitio ni sirve como servidor de correo real; para
avisarte a ti, usa el SMTP de tu proveedor con una contraseña de aplicación leída de una
variable de entorno (nunca escrita en el cuaderno).
"""

from __future__ import annotations

import email
import socket
from email.message import EmailMessage
from email.policy import default as _policy

__all__ = ["LocalSMTP"]


def _free_port(host: str) -> int:
    # aiosmtpd 1.4.6 no arranca con port=0: se pide antes un puerto libre al sistema
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class LocalSMTP:
    """Servidor SMTP en ``127.0.0.1`` que guarda lo que recibe.

    Uso::

        with LocalSMTP() as server:
            with smtplib.SMTP(server.host, server.port) as smtp:
                smtp.send_message(mensaje)
            print(server.messages[0]["Subject"])

    o ``server = LocalSMTP().start()`` … ``server.stop()``. ``messages`` es una lista de
    :class:`email.message.EmailMessage`, en el orden en que llegaron.
    """

    def __init__(self, host: str = "127.0.0.1", port: int | None = None):
        self.host = host
        self.port = port or _free_port(host)
        self.messages: list[EmailMessage] = []
        self._controller = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (nombre de aiosmtpd)
        self.messages.append(email.message_from_bytes(envelope.content, policy=_policy))
        return "250 Mensaje recibido"

    def start(self) -> LocalSMTP:
        """Arranca el servidor (en un hilo aparte) y devuelve el propio objeto."""
        from aiosmtpd.controller import Controller

        if self._controller is None:
            self._controller = Controller(self, hostname=self.host, port=self.port)
            self._controller.start()
        return self

    def stop(self) -> None:
        """Apaga el servidor; los mensajes recibidos siguen en ``messages``."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> LocalSMTP:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "encendido" if self._controller else "apagado"
        return f"LocalSMTP({self.host}:{self.port}, {state}, {len(self.messages)} mensajes)"

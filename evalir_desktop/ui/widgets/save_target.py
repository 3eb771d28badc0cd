"""Where the window writes a file: the save dialog, then the output guard, then the
agent's own confirmation before an existing file is replaced.

The system's save dialog is asked not to confirm by itself (its confirmation covers the
name typed, not the name once the program adds the extension, and some dialogs never
show it): the confirmation below is always ours, shown for the real path, with
« Annuler » as the safe default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from evalir_desktop.french import first_upper
from evalir_desktop.output_guard import OutputRefused, check_output


def tr(text: str) -> str:
    return QCoreApplication.translate("SaveTarget", text)


@dataclass(frozen=True)
class SaveTarget:
    """A path the agent chose, checked by the guard; `replace` once they confirmed."""

    path: Path
    replace: bool = False


def with_suffix(name: str, suffix: str) -> Path:
    """The name typed, with the format's extension added when it lacks it."""
    return (
        Path(name) if not suffix or name.lower().endswith(suffix.lower()) else Path(name + suffix)
    )


def ask_save_name(parent: QWidget, title: str, suggested: str, pattern: str) -> str:
    """The system's save dialog, without its own overwrite confirmation (ours follows)."""
    name, _ = QFileDialog.getSaveFileName(
        parent, title, suggested, pattern, options=QFileDialog.Option.DontConfirmOverwrite
    )
    return name


def confirm_replace(parent: QWidget, path: Path) -> bool:
    """Ask before replacing an existing file; « Annuler » is the default button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Remplacer le fichier\u202f?"))
    box.setText(
        tr(
            "Le fichier «\u202f%s\u202f» existe déjà dans ce dossier. "
            "Voulez-vous le remplacer\u202f?"
        )
        % path.name
    )
    replace = box.addButton(tr("&Remplacer"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is replace


def refuse(parent: QWidget, error: OutputRefused) -> None:
    QMessageBox.warning(parent, tr("Enregistrement refusé"), first_upper(str(error)))


def checked_target(parent: QWidget, path: Path, sources=(), creates: str = "") -> SaveTarget | None:
    """`path` if the guard allows it and, when it exists, the agent confirmed; else None
    (the reason has been said)."""
    exists = os.path.lexists(path)
    try:
        check_output(path, sources=sources, replace=True, creates=creates)
    except OutputRefused as error:
        refuse(parent, error)
        return None
    if exists and not confirm_replace(parent, path):
        return None
    return SaveTarget(path, replace=exists)


def ask_save_target(
    parent: QWidget,
    title: str,
    suggested: str,
    pattern: str,
    suffix: str,
    sources=(),
    creates: str = "",
) -> SaveTarget | None:
    """Ask where to save, add the extension, check and confirm: None when cancelled."""
    name = ask_save_name(parent, title, suggested, pattern)
    if not name:
        return None
    path = with_suffix(name, suffix)
    if path != Path(name) and os.path.lexists(name):  # the agent pointed at that file
        try:
            check_output(name, sources=sources, replace=True, creates=creates)
        except OutputRefused as error:
            refuse(parent, error)
            return None
    return checked_target(parent, path, sources, creates)

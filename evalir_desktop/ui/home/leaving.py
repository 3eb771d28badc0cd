"""Leaving the home screen with a refused profile field: say it was not saved."""

from PySide6.QtWidgets import QMessageBox


def may_leave_profile(window) -> bool:
    """Say that a refused profile field was not saved; False if the agent goes back to it."""
    home = getattr(window, "home", None)
    if home is None or window.store is None or window.store.closed or not home.isVisible():
        return True
    fields = home.commune_form.unsaved_fields()
    if not fields:
        return True
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Warning)
    box.setWindowTitle(window.tr("Profil de la commune non enregistré"))
    box.setText(
        window.tr("Ce qui est écrit dans « %s » n'a pas été enregistré : valeur incorrecte.")
        % "», « ".join(fields)
    )
    box.setInformativeText(
        window.tr("Le profil garde sa dernière valeur correcte. Voulez-vous le corriger ?")
    )
    fix = box.addButton(window.tr("Corriger le profil"), QMessageBox.AcceptRole)
    box.addButton(window.tr("Continuer sans enregistrer"), QMessageBox.DestructiveRole)
    box.setDefaultButton(fix)
    box.exec()
    return box.clickedButton() is not fix

"""Background work of the territory window: import files, then compute the views."""

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from evalir_desktop.content import Content
from evalir_desktop.french import first_upper
from evalir_desktop.output_guard import OutputRefused, write_output
from evalir_desktop.store import Store, StoreError
from evalir_desktop.store.errors import describe
from evalir_desktop.territory.importing import consolidate
from evalir_desktop.territory.models import FileReport
from evalir_desktop.territory.overview import territory_view

log = logging.getLogger("evalir")


class TerritoryTask(QThread):
    """Import `items` (if any) into the territory file, then evaluate the whole territory.

    The task opens the file itself (SQLite connections stay in their thread); the window
    holds no connection while it runs. `cancel()` stops between two files.
    """

    progressed = Signal(int, int, str)
    computing = Signal()
    finished_work = Signal(object, object)  # ImportReport | None, TerritoryView
    failed = Signal(str)

    def __init__(self, path: Path, items: list[Path], content: Content, cache: dict, parent=None):
        super().__init__(parent)
        self.cache = cache
        self.path = path
        self.items = items
        self.content = content
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int, item: FileReport) -> None:
        self.progressed.emit(done, total, item.summary())

    def run(self) -> None:
        try:
            report = None
            if self.items:
                report = consolidate(
                    self.path,
                    self.items,
                    progress=self._progress,
                    cancel=self._cancel.is_set,
                    content=self.content,
                    cache=self.cache,
                )
            self.computing.emit()
            with Store.open(self.path, readonly=True) as store:
                view = territory_view(store, self.content, self.cache)
            self.finished_work.emit(report, view)
        except StoreError as error:
            self.failed.emit(str(error))
        except Exception:  # the window must learn that the work stopped
            log.exception("Territory task failed")
            self.failed.emit(
                "Une erreur inattendue a interrompu le traitement. Les fichiers déjà importés "
                "sont conservés. Réessayez ; si l'erreur revient, transmettez le journal."
            )


class ReportTask(QThread):
    """Lay out the territory report away from the window's thread, then write it."""

    written = Signal(str)
    failed = Signal(str)

    def __init__(self, view, path: Path, parent=None, sources=(), replace: bool = False):
        super().__init__(parent)
        self.view = view
        self.path = path
        self.sources = list(sources)
        self.replace = replace

    def run(self) -> None:
        from evalir_desktop.report.territory import territory_report

        try:
            payload = territory_report(self.view)
            write_output(self.path, payload, sources=self.sources, replace=self.replace)
        except OutputRefused as error:
            self.failed.emit(first_upper(str(error)))
            return
        except OSError as error:
            self.failed.emit(
                f"Le rapport n'a pas pu être écrit ({describe(error)}) : fermez-le s'il est "
                "ouvert, ou choisissez un autre dossier."
            )
            return
        except Exception:
            log.exception("Territory report failed")
            self.failed.emit("Le rapport n'a pas pu être préparé : réessayez.")
            return
        self.written.emit(str(self.path))

"""The lock beside a `.evalir` file: contention, and unexpected errors logged."""

import errno
import logging

import pytest

from evalir_desktop.store.file.lock import FileLock


def test_second_lock_is_refused_then_granted_after_release(tmp_path):
    first, second = FileLock(tmp_path / "a.evalir"), FileLock(tmp_path / "a.evalir")
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


@pytest.mark.parametrize("code", [errno.EIO, 0])  # 0: what Wine's msvcrt.locking gives
def test_unexpected_locking_error_opens_unlocked_and_is_logged(tmp_path, monkeypatch, caplog, code):
    def fail(_handle):
        raise OSError(code, "Error")

    lock = FileLock(tmp_path / "a.evalir")
    monkeypatch.setattr(lock, "_lock", fail)
    with caplog.at_level(logging.WARNING, logger="evalir"):
        assert lock.acquire()
    assert f"Cannot lock {lock.path}" in caplog.text


def test_lock_file_that_cannot_be_created_is_logged(tmp_path, caplog):
    lock = FileLock(tmp_path / "dossier absent" / "a.evalir")
    with caplog.at_level(logging.WARNING, logger="evalir"):
        assert lock.acquire()
    assert "Cannot create the lock file" in caplog.text

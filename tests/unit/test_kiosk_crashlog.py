"""The kiosk's crash log: timestamped lines, tracebacks, rotation, never an error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tutor.core.text import kiosk as text
from tutor.kiosk import crashlog


def test_messages_are_timestamped_and_appended() -> None:
    crashlog.write("eerste  \n")
    crashlog.write("tweede")
    lines = crashlog.log_path().read_text(encoding="utf-8").splitlines()
    assert [re.sub(r"^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] ", "", line) for line in lines] == [
        "eerste",
        "tweede",
    ]


def test_an_exception_is_logged_with_its_traceback() -> None:
    try:
        raise RuntimeError("kapot")
    except RuntimeError as error:
        crashlog.write_exception(error)
    log = crashlog.log_path().read_text(encoding="utf-8")
    assert f"] {text.LOG_CRASH}\nTraceback (most recent call last):\n" in log
    assert log.endswith("RuntimeError: kapot\n")


def test_a_full_log_moves_to_log_1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crashlog, "MAX_BYTES", 100)
    for number in range(10):
        crashlog.write(f"bericht {number} " + "x" * 30)
    path = crashlog.log_path()
    old = path.with_name(crashlog.LOG_FILE + ".1")
    assert path.stat().st_size <= 100 and old.stat().st_size <= 100
    assert "bericht 9" in path.read_text(encoding="utf-8")
    assert "bericht 0" not in path.read_text(encoding="utf-8") + old.read_text(encoding="utf-8")
    assert sorted(p.name for p in path.parent.iterdir()) == ["kiosk.log", "kiosk.log.1"]


def test_an_unwritable_log_is_silent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("geen map")
    monkeypatch.setenv("TUTOR_DATA_DIR", str(blocker / "data"))
    crashlog.write("niet te schrijven")
    crashlog.write_exception(RuntimeError("ook niet"))
    assert capsys.readouterr() == ("", "")


def test_a_failing_write_is_silent(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(crashlog.RotatingFileHandler, "shouldRollover", full_disk)
    crashlog.write("schijf vol")
    assert capsys.readouterr() == ("", "")

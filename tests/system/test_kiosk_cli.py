"""`tutor kiosk` on the command line, the PIN file and lockout, and the idle clock."""

from __future__ import annotations

import stat

import pytest

from tutor.cli import main
from tutor.kiosk.idle import IdleClock, Phase
from tutor.kiosk.pin import (
    PinCheck,
    PinGuard,
    StoredPin,
    hash_pin,
    load_pin,
    pin_path,
    set_pin_interactive,
    valid_pin,
)


def answers(*replies: str):  # type: ignore[no-untyped-def]
    queue = list(replies)
    return lambda prompt: queue.pop(0)


def test_kiosk_refuses_to_start_without_a_pin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kiosk"]) == 2
    assert "tutor kiosk --set-pin" in capsys.readouterr().err


def test_set_pin_stores_only_a_salted_hash() -> None:
    said: list[str] = []
    assert set_pin_interactive(answers("482913", "482913"), said.append) == 0
    path = pin_path()
    content = path.read_text(encoding="utf-8")
    assert "482913" not in content and '"scheme": "scrypt"' in content
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = load_pin()
    assert stored is not None and stored.matches("482913") and not stored.matches("482914")
    assert "opgeslagen" in said[-1]
    # A second hash of the same PIN has another salt.
    assert hash_pin("482913").salt != stored.salt


@pytest.mark.parametrize(
    ("replies", "message"),
    [
        (("123", "123"), "4 tot 8 cijfers"),
        (("123456789", "123456789"), "4 tot 8 cijfers"),
        (("12ab", "12ab"), "4 tot 8 cijfers"),
        (("1234", "4321"), "niet gelijk"),
    ],
)
def test_set_pin_rejects_bad_pins(replies: tuple[str, str], message: str) -> None:
    said: list[str] = []
    assert set_pin_interactive(answers(*replies), said.append) == 1
    assert message in said[-1]
    assert not pin_path().exists()


def test_set_pin_stopped_with_ctrl_d() -> None:
    def ask(prompt: str) -> str:
        raise EOFError

    said: list[str] = []
    assert set_pin_interactive(ask, said.append) == 1
    assert not pin_path().exists()


def test_set_pin_from_the_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getpass", answers("2468", "2468"))
    assert main(["kiosk", "--set-pin"]) == 0
    assert load_pin() is not None


def test_a_damaged_pin_file_counts_as_no_pin() -> None:
    pin_path().parent.mkdir(parents=True, exist_ok=True)
    pin_path().write_text('{"scheme": "plain", "pin": "1234"}', encoding="utf-8")
    assert load_pin() is None
    with pytest.raises(ValueError):
        StoredPin.from_json("niet eens json")


@pytest.mark.parametrize("value", ["0", "-5", "abc", "nan", "inf"])
def test_idle_must_be_a_positive_number(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["kiosk", "--idle", value])
    assert "geen geldig aantal seconden" in capsys.readouterr().err


def test_valid_pins() -> None:
    assert valid_pin("0000") and valid_pin("12345678")
    assert not any(valid_pin(pin) for pin in ("", "123", "123456789", "12 34", "١٢٣٤"))


def test_guard_locks_after_three_wrong_pins_for_60_seconds() -> None:
    now = [0.0]
    guard = PinGuard(hash_pin("2468"), clock=lambda: now[0])
    assert guard.check("1111") is PinCheck.WRONG and guard.tries_left == 2
    assert guard.check("2222") is PinCheck.WRONG
    assert guard.check("3333") is PinCheck.LOCKED and guard.locked_for() == 60
    assert guard.check("2468") is PinCheck.LOCKED  # even the right one
    now[0] = 59.5
    assert guard.locked_for() == 1
    now[0] = 60.0
    assert guard.locked_for() == 0 and guard.tries_left == 3
    assert guard.check("2468") is PinCheck.RIGHT


def test_a_right_pin_resets_the_count() -> None:
    guard = PinGuard(hash_pin("2468"))
    guard.check("1111")
    guard.check("2222")
    assert guard.check("2468") is PinCheck.RIGHT and guard.tries_left == 3


def test_idle_clock_phases() -> None:
    now = [0.0]
    clock = IdleClock(120, lambda: now[0])
    assert clock.warning == 30
    assert IdleClock(20, lambda: 0.0).warning == 5
    now[0] = 89.9
    assert clock.phase() is Phase.ACTIVE
    now[0] = 90.0
    assert clock.phase() is Phase.WARNING and clock.seconds_left() == 30
    now[0] = 119.2
    assert clock.seconds_left() == 1
    clock.touch()
    assert clock.phase() is Phase.ACTIVE
    now[0] += 121
    assert clock.phase() is Phase.EXPIRED and clock.remaining() == 0
    with pytest.raises(ValueError):
        IdleClock(0)

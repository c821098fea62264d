"""`tutor kiosk --systemd-unit`: the printed service, checked by systemd where it is here."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.kiosk.unit import home_of, quote, render_unit, tutor_command


def unit_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_the_unit_runs_this_installation_as_the_kiosk_user(
    capsys: pytest.CaptureFixture[str], good_copy: Path
) -> None:
    assert main(["kiosk", "--systemd-unit", "--content", str(good_copy), "--idle", "60"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    lines = unit_lines(captured.out)
    assert captured.out.startswith("# Wachtkamer-kiosk")
    assert "User=kiosk" in lines and "Restart=always" in lines
    assert "RestartPreventExitStatus=0" in lines  # the right PIN really ends the kiosk
    (start,) = [line for line in lines if line.startswith("ExecStart=")]
    command = " ".join(quote(part) for part in tutor_command())
    assert start == (
        f"ExecStart=/usr/bin/cage -- /usr/bin/foot -- {command} kiosk "
        f"--content {quote(str(good_copy.resolve()))} --idle 60"
    )
    assert Path(tutor_command()[0]).is_absolute()
    home = home_of("kiosk")
    assert f'Environment="TUTOR_DATA_DIR={home}/.local/share/ketamine-tutor"' in lines
    assert f'Environment="TUTOR_CONFIG_DIR={home}/.config/ketamine-tutor"' in lines
    assert "PAMName=login" in lines and "TTYPath=/dev/tty7" in lines


def test_the_console_unit_for_another_user(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["kiosk", "--systemd-unit", "--scherm", "console", "--user", "zorg", "--stats"]) == 0
    )
    lines = unit_lines(capsys.readouterr().out)
    assert "User=zorg" in lines and "TTYPath=/dev/tty1" in lines
    (start,) = [line for line in lines if line.startswith("ExecStart=")]
    assert "cage" not in start and start.endswith(" kiosk --stats")
    assert "--idle" not in start  # not given, so the kiosk's own default
    assert "StandardError=tty" in lines  # the kiosk checks that stderr is the terminal
    assert any(line.startswith("ExecStartPre=-") and "--blank 0" in line for line in lines)


def test_the_installed_tutor_script_is_used_when_it_started_us(tmp_path: Path) -> None:
    script = tmp_path / "venv" / "bin" / "tutor"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o755)
    assert tutor_command(str(script)) == [str(script.resolve())]
    assert tutor_command("/somewhere/pytest", "/venv/bin/python") == [
        "/venv/bin/python",
        "-m",
        "tutor",
    ]


def test_paths_with_spaces_percent_and_dollar_are_quoted() -> None:
    assert quote("/opt/a b/tutor") == '"/opt/a b/tutor"'
    assert quote("/data/100%") == '"/data/100%%"'
    assert quote("/x/$HOME") == '"/x/$$HOME"'
    with pytest.raises(ValueError, match="stuurteken"):
        quote("/a\nb")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--scherm", "x11"], "geen scherm"),
        (["--user", "Root Beheer"], "geen geldige gebruikersnaam"),
    ],
)
def test_bad_unit_options_are_refused_in_dutch(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["kiosk", "--systemd-unit", *argv])
    assert message in capsys.readouterr().err


def test_unit_options_without_systemd_unit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kiosk", "--user", "zorg"]) == 2
    assert "horen bij --systemd-unit" in capsys.readouterr().err


def test_help_lists_the_unit_options_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["kiosk", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--systemd-unit" in out and "druk een systemd-service af" in out
    assert "--scherm cage|console" in out and "--user NAAM" in out
    assert "de eigen gebruiker waaronder de kiosk draait" in out


@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here"
)
@pytest.mark.parametrize("screen", ["cage", "console"])
def test_systemd_analyze_verify_accepts_the_unit(screen: str, tmp_path: Path) -> None:
    # verify also checks that the programs exist: stand in for cage, foot and setterm
    # (not installed on a test machine) with this Python.
    here = Path(sys.executable)
    unit = tmp_path / "tutor-kiosk.service"
    unit.write_text(
        render_unit(screen=screen, cage=here, foot=here, setterm=here, idle=60, stats=True),
        encoding="utf-8",
    )
    done = subprocess.run(
        ["systemd-analyze", "verify", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    problems = [
        line for line in (done.stdout + done.stderr).splitlines() if "tutor-kiosk.service" in line
    ]
    assert done.returncode == 0 and not problems, done.stdout + done.stderr


@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here"
)
def test_systemd_analyze_verify_is_not_a_rubber_stamp(tmp_path: Path) -> None:
    unit = tmp_path / "tutor-kiosk.service"
    unit.write_text(render_unit(cage=tmp_path / "no-cage"), encoding="utf-8")
    done = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, check=False
    )
    assert done.returncode != 0 and "no-cage" in done.stderr

"""Bad command-line input (issue 16, section 4): argparse says what is wrong, in Dutch."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from conftest import GOOD_ROOT
from tutor.cli import build_parser, main


def _refused(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the command line, expect argparse's exit code 2; return what it printed."""
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


# --- --port ---------------------------------------------------------------------


@pytest.mark.parametrize("port", ["99999", "65536", "0", "-1", "abc", "80.5", "", "1e3"])
def test_trainer_port_is_checked_by_argparse_in_dutch(
    port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(["trainer", "--port", port], capsys)
    assert err.startswith("gebruik: tutor trainer")
    assert "is geen geldige poort: kies een getal van 1 tot en met 65535" in err


@pytest.mark.parametrize("port", ["1", "8000", "65535"])
def test_valid_ports_are_accepted(port: str) -> None:
    assert build_parser().parse_args(["trainer", "--port", port]).port == int(port)


@pytest.mark.parametrize("host", ["", "999.1.1.1", "a b", "x\x1b[2J", "a..b"])
def test_trainer_host_is_checked_by_argparse(host: str, capsys: pytest.CaptureFixture[str]) -> None:
    """An empty --host (an unset shell variable) would listen on every network."""
    err = _refused(["trainer", "--host", host], capsys)
    assert "is geen geldig adres" in err and "\x1b" not in err


@pytest.mark.parametrize("host", ["127.0.0.1", "0.0.0.0", "::1", "localhost", "mijn-pc.local"])
def test_valid_hosts_are_accepted(host: str) -> None:
    assert build_parser().parse_args(["trainer", "--host", host]).host == host


# --- --idle -----------------------------------------------------------------------


@pytest.mark.parametrize("idle", ["1", "14.9", "3601", "1e308", "inf", "nan", "-20", "abc", ""])
def test_kiosk_idle_must_lie_between_15_seconds_and_an_hour(
    idle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(["kiosk", "--idle", idle], capsys)
    assert "geen geldig aantal seconden (kies 15 tot en met 3600)" in err


@pytest.mark.parametrize("idle", ["15", "120", "3600", "90.5"])
def test_kiosk_idle_within_bounds_is_accepted(idle: str) -> None:
    assert build_parser().parse_args(["kiosk", "--idle", idle]).idle == float(idle)


# --- --content ----------------------------------------------------------------------


@pytest.mark.parametrize("where", ["top", "subcommand"])
def test_content_that_is_a_file_is_called_a_file(
    where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = tmp_path / "passwd"
    a_file.write_text("root:x:0:0\n")
    args = (
        ["--content", str(a_file), "lint"] if where == "top" else ["lint", "--content", str(a_file)]
    )
    err = _refused(args, capsys)
    assert f"'{a_file}' is een bestand, geen map" in err
    assert "bestaat niet" not in err


def test_content_etc_passwd(capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/etc/passwd").is_file():
        pytest.skip("no /etc/passwd here")
    assert "'/etc/passwd' is een bestand, geen map" in _refused(
        ["progress", "--content", "/etc/passwd"], capsys
    )


def test_content_that_does_not_exist_or_is_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "bestaat niet" in _refused(["lint", "--content", str(tmp_path / "nee")], capsys)
    assert "geef een map" in _refused(["lint", "--content", ""], capsys)


# --- subcommand usage -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (["lint", "--bogus"], "gebruik: tutor lint"),
        (["progress", "--bogus"], "gebruik: tutor progress"),
        (["export", "handout", "les", "-o", "x.md", "--bogus"], "gebruik: tutor export handout"),
        (["kiosk", "extra"], "gebruik: tutor kiosk"),
        (["--bogus"], "gebruik: tutor [-h]"),
    ],
)
def test_an_unknown_option_shows_the_usage_of_its_own_command(
    args: list[str], usage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(args, capsys)
    assert err.startswith(usage), err
    assert "onbekende argumenten" in err


# --- export -o ------------------------------------------------------------------------


def _handout(output: str, *extra: str) -> int:
    return main(
        ["export", "handout", "mini-les", "--content", str(GOOD_ROOT), "-o", output, *extra]
    )


def test_export_refuses_to_overwrite_a_file_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "hand-out.md"
    output.write_text("mijn eigen aantekeningen\n")
    assert _handout(str(output)) == 1
    err = capsys.readouterr().err
    assert f"Het bestand '{output}' bestaat al" in err and "--force" in err
    assert output.read_text() == "mijn eigen aantekeningen\n"
    assert _handout(str(output), "--force") == 0
    assert output.read_text(encoding="utf-8").startswith("# Een kleine les")


def test_export_never_writes_through_a_symlink(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "belangrijk.txt"
    target.write_text("niet overschrijven\n")
    link = tmp_path / "hand-out.md"
    link.symlink_to(target)
    assert _handout(str(link)) == 1
    assert "is een snelkoppeling (symlink)" in capsys.readouterr().err
    assert target.read_text() == "niet overschrijven\n"
    assert _handout(str(link), "--force") == 0  # replaces the link itself
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("# Een kleine")
    assert target.read_text() == "niet overschrijven\n"


def test_export_refuses_a_dangling_symlink_without_force(tmp_path: Path) -> None:
    link = tmp_path / "hand-out.md"
    link.symlink_to(tmp_path / "ergens-anders.md")
    assert _handout(str(link)) == 1
    assert not (tmp_path / "ergens-anders.md").exists()


def test_export_never_replaces_something_that_is_not_a_regular_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pijp.md"
    os.mkfifo(fifo)
    assert _handout(str(fifo), "--force") == 1  # and it does not block on the FIFO
    assert "geen gewoon bestand" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_export_writes_atomically_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "hand-out.md"
    output.write_text("de vorige versie\n")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    assert _handout(str(output), "--force") == 1
    assert "de schijf is vol" in capsys.readouterr().err
    assert output.read_text() == "de vorige versie\n"  # not half a file
    assert sorted(path.name for path in tmp_path.iterdir()) == ["hand-out.md"]
    monkeypatch.undo()
    assert _handout(str(output), "--force") == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["hand-out.md"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(output.stat().st_mode) == 0o666 & ~umask


def test_a_new_export_file_is_written(tmp_path: Path) -> None:
    output = tmp_path / "nieuw.md"
    assert _handout(str(output)) == 0
    assert output.read_text(encoding="utf-8").startswith("# Een kleine les")


def test_empty_output_gets_a_sensible_message(capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(["export", "gift", "-o", ""], capsys)
    assert "geef een bestandsnaam, of - om naar het scherm te schrijven" in err
    assert "'.' is een map" not in err


def test_output_ending_in_a_slash_is_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(["export", "gift", "-o", "uit/"], capsys)
    assert "'uit/' eindigt op '/' en is dus een map" in err


def test_output_that_is_a_folder_is_named_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "gift", "--content", str(GOOD_ROOT), "-o", str(tmp_path)]) == 1
    assert "dat is een map, geen bestand" in capsys.readouterr().err


# --- beyond the issue: the same kinds, found on the way ----------------------------------


def test_argparse_errors_never_print_control_characters(capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(["lint", "\x1b]0;weg\x07\x1b[2J"], capsys)
    assert "\x1b" not in err and "\x07" not in err
    assert "onbekende argumenten: \\x1b]0;weg\\x07\\x1b[2J" in err


def test_unknown_trainer_lesson_is_printed_without_control_characters(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["trainer", "--content", str(GOOD_ROOT), "--lesson", "x\x1b[2J"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "'x\\x1b[2J'" in err


@pytest.mark.parametrize("summary", ["", "uit/", "."])
def test_trainer_summary_must_be_a_file_name(
    summary: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Checked at the start, not when the session ends and the summary cannot be saved."""
    err = _refused(["trainer", "--summary", summary], capsys)
    assert "geef een bestandsnaam" in err


# --- tutor trainer: where the participants' server listens ------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://example.nl/",
        "http://",
        "http://a b/",
        "http://x/\x1b]0;hi\x07",
        "https://x/?code=1",
        "http://" + "a" * 300 + "/",
    ],
)
def test_trainer_public_url_is_checked_in_dutch(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(["trainer", "--public-url", url], capsys)
    assert "is geen geldig adres" in err
    assert "\x1b" not in err


def test_trainer_local_and_a_network_host_do_not_go_together(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["trainer", "--content", str(GOOD_ROOT), "--local", "--host", "0.0.0.0"])
    assert code == 2
    assert "--local en --host gaan niet samen" in capsys.readouterr().err

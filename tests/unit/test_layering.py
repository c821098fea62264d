"""The content and quiz modules never import Textual (DESIGN.md, "Data flows one way")."""

from __future__ import annotations

import subprocess
import sys

from conftest import PROJECT


def test_content_and_quiz_modules_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import tutor.core.content.models, tutor.core.content.loader, tutor.core.content.lint\n"
        "import tutor.core.content.readability, tutor.core.quiz, tutor.core.text.common, tutor.cli\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"Textual imported by content/quiz code: {result.stdout}"


def test_app_start_does_not_import_textstat() -> None:
    """textstat takes over a second to import; only the linter may load it."""
    code = (
        "import sys\nimport tutor.selfstudy.app\nsys.exit(1 if 'textstat' in sys.modules else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, check=False)
    assert result.returncode == 0

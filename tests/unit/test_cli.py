"""``python -m behaviours check``: the command an editor runs after changing the content."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pack_builder import MINIMAL, REPO_ROOT, build_pack

from behaviours.pack.loader import PACK_ENV, check_pack


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command from the repository root, as the README tells editors to."""
    environment = {key: value for key, value in os.environ.items() if key != PACK_ENV}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "behaviours", *args],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def test_a_valid_pack_exits_0_with_the_summary_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # The CLI judges staleness against the real date; ask the same validator, from the same folder, what it will say.
    monkeypatch.chdir(REPO_ROOT)
    _, warnings = check_pack(MINIMAL)
    result = run_cli("check", "tests/fixtures/packs/minimal")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        *(str(warning) for warning in warnings),
        f"0 errors, {plural(len(warnings), 'warning')} in tests/fixtures/packs/minimal: the pack is valid.",
    ]
    assert result.stderr == ""


def test_the_pack_folder_can_come_from_the_environment() -> None:
    result = run_cli("check", env={PACK_ENV: "tests/fixtures/packs/minimal"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("0 errors, ")
    assert result.stdout.splitlines()[-1].endswith(" in tests/fixtures/packs/minimal: the pack is valid.")


def test_a_broken_pack_exits_1_with_each_problem_on_its_own_line_and_a_count(tmp_path: Path) -> None:
    pack_dir = build_pack(tmp_path / "pack", "broken/no-red", "broken/invalid-phone", "variants/http-link")
    result = run_cli("check", str(pack_dir))
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"{pack_dir}/bands/0-9.yaml:5: behaviours: band '0-9' has no red behaviours; add at least one with level: red",
        f"{pack_dir}/contacts.yaml:24: contacts[1].channels[0].value: '0345 678 902' is not a valid UK number; "
        "write a UK number as dialled, e.g. 0345 678 9021, or a short number such as 116 000",
        f"{pack_dir}/law.yaml:6: law[0].link: warning: 'http://www.legislation.gov.uk/ukpga/1978/37' uses http:, "
        "which is not encrypted; use https: if the site supports it",
        f"2 errors, 1 warning in {pack_dir}: the pack cannot be used until the errors are fixed.",
    ]


def test_one_error_is_counted_in_the_singular(tmp_path: Path) -> None:
    pack_dir = build_pack(tmp_path / "pack", "broken/empty-file")
    result = run_cli("check", str(pack_dir))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{pack_dir}/law.yaml:1: the file is empty; it needs the fields described in behaviours/README.md",
        f"1 error, 0 warnings in {pack_dir}: the pack cannot be used until the errors are fixed.",
    ]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        pytest.param((), "error: say which command, e.g. 'check'", id="no-command"),
        pytest.param(("chek",), "invalid choice: 'chek'", id="unknown-command"),
        pytest.param(("check", "--frobnicate"), "unrecognized arguments: --frobnicate", id="unknown-option"),
        pytest.param(
            ("check", "pyproject.toml"),
            "error: pyproject.toml is not a folder; give the folder that holds pack.yaml",
            id="a-file-not-a-folder",
        ),
        pytest.param(
            ("check", "no/such/pack"),
            "error: no/such/pack is not a folder; give the folder that holds pack.yaml",
            id="missing-folder",
        ),
        pytest.param(
            ("export-site", "out", "--pack", "pyproject.toml"),
            "error: pyproject.toml is not a folder; give the folder that holds pack.yaml",
            id="export-from-a-file",
        ),
        pytest.param(
            ("diff", "behaviours/content", "no/such/pack"),
            "error: no/such/pack is not a folder; give the folder that holds pack.yaml",
            id="diff-with-a-missing-folder",
        ),
    ],
)
def test_usage_errors_exit_2_and_say_what_is_wrong(args: tuple[str, ...], says: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert says in result.stderr
    assert result.stdout == ""


def test_help_exits_0_and_names_the_check_command() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "check" in result.stdout
    assert "validate a content pack and list every problem" in result.stdout


def test_a_pack_with_a_link_out_and_a_named_pipe_lists_both_without_blocking(tmp_path: Path) -> None:
    pack_dir = build_pack(tmp_path / "pack", "broken/link-out-of-pack", remove=("law.yaml",))
    (pack_dir / "criteria.yaml").unlink()
    os.mkfifo(pack_dir / "criteria.yaml")
    result = run_cli("check", str(pack_dir))
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"{pack_dir}/criteria.yaml: this is a named pipe (FIFO), not an ordinary file; "
        "a pack holds only ordinary text files",
        f"{pack_dir}/law.yaml: this is a link to a file outside the pack folder, which the app never reads; "
        "put the file itself in the pack folder",
        f"2 errors, 0 warnings in {pack_dir}: the pack cannot be used until the errors are fixed.",
    ]

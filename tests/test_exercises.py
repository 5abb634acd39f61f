"""Student exercise notebooks are generated from the masters and never contain a solution."""

import importlib.util
import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXERCISES = REPO / "exercises"
MASTERS = sorted((EXERCISES / "solutions").glob("[0-9][0-9]-*.ipynb"))
KEYS = json.loads((EXERCISES / "solutions" / "keys.json").read_text("utf-8"))["exercises"]


def load_build():
    spec = importlib.util.spec_from_file_location("exercise_build", EXERCISES / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def code_sources(path: Path) -> list[str]:
    cells = json.loads(path.read_text("utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def solution_lines(master: Path) -> list[str]:
    found = []
    for source in code_sources(master):
        inside = False
        for line in source.splitlines():
            if line.strip() == "# BEGIN SOLUTION":
                inside = True
            elif line.strip() == "# END SOLUTION":
                inside = False
            elif inside or line.rstrip().endswith("# SOLUTION"):
                found.append(line.split("# SOLUTION")[0].strip())
    return found


def test_there_are_masters_for_chapters_00_to_05():
    assert [m.name[:2] for m in MASTERS] == ["00", "01", "02", "03", "04", "05"]


def test_student_files_are_up_to_date_with_the_masters():
    assert load_build().main(["--check"]) == 0


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.name)
def test_student_copy_has_no_solution_line(master):
    student_code = "\n".join(code_sources(EXERCISES / master.name))
    lines = solution_lines(master)
    assert lines, "the master marks no solutions"
    for line in lines:
        assert line not in student_code


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.name)
def test_student_copy_has_no_solution_markers_or_outputs(master):
    student = json.loads((EXERCISES / master.name).read_text("utf-8"))
    text = json.dumps(student)
    assert "SOLUTION" not in text and "instructor copy" not in text
    assert all(not c.get("outputs") for c in student["cells"] if c["cell_type"] == "code")


@pytest.mark.parametrize("exercise_id", sorted(KEYS))
def test_no_accepted_answer_is_written_in_student_code(exercise_id):
    code = "\n".join(s for m in MASTERS for s in code_sources(EXERCISES / m.name))
    for accepted in KEYS[exercise_id].get("accept", []):
        literal = re.escape(json.dumps(accepted)) if isinstance(accepted, str) else rf"\b{accepted}\b"
        assert not re.search(rf"answer\s*=\s*{literal}", code, re.IGNORECASE), accepted


def test_every_exercise_has_a_check_cell_and_every_check_has_keys():
    checked = set()
    for master in MASTERS:
        for source in code_sources(master):
            checked.update(re.findall(r'kk\.check\("([\d.]+)"', source))
    assert checked == set(KEYS)


def test_solution_stripping_follows_otter_conventions():
    build = load_build()
    source = "x = 1\nanswer = 42  # SOLUTION\n# BEGIN SOLUTION\nsecret()\n# END SOLUTION\ncheck()"
    assert build.strip_source(source) == "x = 1\nanswer = ...\n...\ncheck()"

"""`poolsim validate`, `init` and the resolved scenario."""
import shutil

from poolsim_cli import SCENARIOS, poolsim


def test_printed_scenario_is_a_scenario_that_validates_cleanly(tmp_path):
    for name in ["hebei-2022.yaml", "example-tape.yaml"]:
        run = poolsim("validate", "--print", SCENARIOS / name, check=0)
        assert run.stderr == f"{SCENARIOS / name}: ok\n"
        assert run.stdout.startswith("schema_version: 1\n")
        resolved = tmp_path / name
        resolved.write_text(run.stdout, encoding="utf-8")
        shutil.copy(SCENARIOS / "example-tape.csv", tmp_path / "example-tape.csv")
        again = poolsim("validate", resolved, check=0)
        assert again.stdout == f"{resolved}: ok\n"
        assert again.stderr == ""
        # Resolving twice changes nothing.
        assert poolsim("validate", "--print", resolved, check=0).stdout == run.stdout


def test_several_printed_scenarios_are_separate_documents():
    run = poolsim("validate", "--print", SCENARIOS / "hebei-2022.yaml", SCENARIOS / "example-tape.yaml", check=0)
    assert run.stdout.count("\n---\n") == 1


def test_templates_validate(tmp_path):
    for template in ["minimal", "hebei"]:
        path = tmp_path / f"{template}.yaml"
        path.write_text(poolsim("init", "--template", template, check=0).stdout, encoding="utf-8")
        assert poolsim("validate", path, check=0).stdout == f"{path}: ok\n"

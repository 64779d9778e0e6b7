"""`poolsim validate`, `init` and the resolved scenario."""
import shutil
import subprocess

from poolsim_cli import BINARY, ROOT, SCENARIOS, poolsim


def poolsim_input(text, *args, check):
    """Runs poolsim with `text` on standard input."""
    result = subprocess.run([str(BINARY), *map(str, args)], cwd=ROOT, input=text, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == check, f"exit {result.returncode}\n{result.stderr}"
    return result


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


def test_standard_input_in_each_format():
    """`validate -` reads standard input, telling YAML, TOML and JSON apart by their first line."""
    fixtures = ROOT / "Tests" / "PoolSimScenarioTests" / "Fixtures"
    for name in ["small.yaml", "small.toml", "small.json"]:
        run = poolsim_input((fixtures / name).read_text(encoding="utf-8"), "validate", "-", check=0)
        assert run.stdout == "<stdin>: ok\n", name
    broken = poolsim_input((fixtures / "invalid.toml").read_text(encoding="utf-8"), "validate", "-", check=65)
    assert broken.stderr.startswith("<stdin>:5:1: error: initial_balance must be")


def test_standard_input_errors_are_located():
    run = poolsim_input("name: x\nhorizon_years: 0\n", "validate", "-", check=65)
    assert "<stdin>:2:1: error: horizon_years must be" in run.stderr
    assert poolsim_input("", "validate", "-", check=65).stderr.startswith("<stdin>")


def test_several_printed_scenarios_are_separate_documents():
    run = poolsim("validate", "--print", SCENARIOS / "hebei-2022.yaml", SCENARIOS / "example-tape.yaml", check=0)
    assert run.stdout.count("\n---\n") == 1


def test_templates_validate(tmp_path):
    for template in ["minimal", "hebei"]:
        path = tmp_path / f"{template}.yaml"
        path.write_text(poolsim("init", "--template", template, check=0).stdout, encoding="utf-8")
        assert poolsim("validate", path, check=0).stdout == f"{path}: ok\n"

"""`poolsim draws`: the random variates a run's trials need, for the benchmarks' draws-only rows."""
import json

from poolsim_cli import SCENARIOS, poolsim


def test_draws_what_the_run_draws(tmp_path):
    scenario = SCENARIOS / "hebei-2022.yaml"
    draws = json.loads(poolsim("draws", scenario, "--trials", 3000, "--seed", 9, check=0).stdout)
    assert list(draws) == ["trials", "seconds", "trials_per_second", "sampler_seconds", "factors",
                           "default_uniforms", "defaults"]
    assert draws["trials"] == 3000 and draws["seconds"] > 0 and draws["sampler_seconds"] > 0
    # Per year and trial: the global factor, four sectors and six banks, over five years.
    assert draws["factors"] == 3000 * 5 * (1 + 4 + 6)
    poolsim("run", scenario, "--trials", 3000, "--seed", 9, "--out", tmp_path / "run", "--quiet", "--export", "json",
            check=0)
    summary = json.loads((tmp_path / "run" / "results.json").read_text())["summary"]
    assert draws["defaults"] == round(summary["defaults_total"]["mean"] * 3000)
    assert draws["default_uniforms"] >= draws["defaults"]


def test_draws_refuses_a_bad_scenario(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nname: x\n", encoding="utf-8")
    assert "bad.yaml" in poolsim("draws", bad, check=65).stderr

#!/usr/bin/env python3
"""Builds ortho4j-optim/src/main/resources/org/ortho4j/optim/bundled_reference.json, the extract of
the golden data that ships in the jar for OptimTourStep and ReferenceExperiment (the full files stay
test resources). Run from this directory: python3 make_bundled_reference.py

Contents (values copied unchanged, so Double.parseDouble recovers them exactly):
  steps:      for every case of optimizer_steps.json its hyper and its first run, with only W per step
  inputs:     the inputs.json matrices those runs use
  experiment: reference_experiment.json without change
"""
import json, os

here = os.path.dirname(os.path.abspath(__file__))
load = lambda name: json.load(open(os.path.join(here, name)))
steps, inputs, experiment = load("optimizer_steps.json"), load("inputs.json"), load("reference_experiment.json")

out_steps, used = {}, set()
for case, node in steps.items():
    shape, run = next(iter(node["runs"].items()))
    slim = {k: v for k, v in run.items() if k != "after_step"}
    slim["after_step"] = [{"W": s["W"]} for s in run["after_step"]]
    used.add(run["W0"]); used.update(run["grads"])
    if "Q0" in run: used.add(run["Q0"])
    out_steps[case] = {"hyper": node["hyper"], "runs": {shape: slim}}

bundle = {"steps": out_steps, "inputs": {k: inputs[k] for k in sorted(used)}, "experiment": experiment}
target = os.path.join(here, "../../../../main/resources/org/ortho4j/optim/bundled_reference.json")
with open(target, "w") as f:
    json.dump(bundle, f, separators=(",", ":"))
print("wrote", os.path.normpath(target), os.path.getsize(target), "bytes")

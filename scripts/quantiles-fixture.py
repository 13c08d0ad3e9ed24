# Writes tests/fixtures/quantiles.numpy.json: samples and numpy's default
# quantiles of them (method "linear"), the reference src/sim/eval/quantiles.ts
# is tested against. Run: python3 scripts/quantiles-fixture.py (numpy >= 1.22),
# then npx prettier --write tests/fixtures/quantiles.numpy.json.
import json

import numpy as np

rng = np.random.default_rng(7)
cases = []
for n in [1, 2, 3, 4, 5, 7, 10, 11, 20, 50]:
    values = np.round(rng.normal(0.75, 0.08, n), 6).tolist()
    qs = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]
    cases.append({"values": values, "qs": qs, "numpy": [float(x) for x in np.quantile(values, qs)]})
with open("tests/fixtures/quantiles.numpy.json", "w") as f:
    json.dump(cases, f)

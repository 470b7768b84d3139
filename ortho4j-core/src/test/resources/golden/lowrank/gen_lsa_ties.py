"""Extra scipy.optimize.linear_sum_assignment cases for the Java LinearAssignment tests.

Writes lsa_ties.json (next to this script) byte-for-byte reproducibly:
    python3 gen_lsa_ties.py
Every case stores its full cost matrix (+inf written as the string "inf"), the maximize flag and
scipy's row_ind / col_ind / total, or scipy's error message when it raises. The cases stress the
tie-breaking (small integer costs, many equal optima), rectangular shapes both ways, forbidden
(+inf / -inf) pairs, and random floats (6 decimals), where the Java solver must reproduce scipy's
indices exactly because it performs the same floating-point operations in the same order.
"""
import json
import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment

rng = np.random.default_rng(20240611)
cases = []


def enc(x):
    if x == np.inf:
        return "inf"
    if x == -np.inf:
        return "-inf"
    return float(x)


def add(kind, C, maximize):
    C = np.asarray(C, dtype=float)
    case = dict(name=f"{kind}_{C.shape[0]}x{C.shape[1]}_{'max' if maximize else 'min'}_{len(cases)}",
                maximize=bool(maximize), cost=[[enc(x) for x in row] for row in C])
    try:
        r, c = linear_sum_assignment(C, maximize=maximize)
        case.update(row_ind=r.tolist(), col_ind=c.tolist(), total=float(C[r, c].sum()))
    except ValueError as e:
        case.update(error=str(e))
    cases.append(case)


shapes = [(1, 1), (1, 4), (4, 1), (2, 2), (2, 3), (3, 2), (3, 3), (4, 4), (4, 6), (6, 4),
          (5, 5), (5, 7), (7, 5), (6, 6), (7, 7), (8, 8), (9, 13), (13, 9), (12, 12), (16, 16)]
# small integer costs: many ties
for levels in (1, 2, 3, 5):
    for (n, m) in shapes:
        for maximize in (False, True):
            add(f"int{levels}", rng.integers(0, levels + 1, size=(n, m)), maximize)
# random floats, square and rectangular, a few moderate sizes
for (n, m) in [(3, 3), (7, 7), (10, 15), (15, 10), (24, 24), (31, 31), (20, 37), (37, 20)]:
    for maximize in (False, True):
        # rounded to 6 decimals to keep the file small; still tie-free in practice
        add("uniform", np.round(rng.random((n, m)), 6), maximize)
        add("gauss", np.round(rng.standard_normal((n, m)), 6), maximize)
# forbidden pairs: +inf (minimise) and -inf (maximise), some infeasible
for (n, m) in [(3, 3), (4, 4), (5, 5), (6, 6), (4, 7), (7, 4), (8, 8), (10, 10)]:
    for density in (0.3, 0.6):
        C = rng.integers(0, 4, size=(n, m)).astype(float)
        mask = rng.random((n, m)) < density
        Cmin = C.copy(); Cmin[mask] = np.inf
        add("inf", Cmin, False)
        Cmax = C.copy(); Cmax[mask] = -np.inf
        add("neginf", Cmax, True)

json.dump(dict(scipy_version=scipy.__version__, numpy_version=np.__version__,
               description="extra linear_sum_assignment cases; see gen_lsa_ties.py", cases=cases),
          open("lsa_ties.json", "w"), indent=None, separators=(",", ":"))
print(len(cases), "cases;", sum("error" in c for c in cases), "infeasible")

"""Maximum-weight bipartite matching (the Hungarian algorithm), in plain Python.

>>> assignment([[1.0, 0.9], [0.9, 0.0]])
[(0, 1), (1, 0)]
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["assignment"]


def assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The pairs ``(row, column)`` of a matching of greatest total weight.

    ``weights`` is a rows × columns table (rows need not equal columns). Pairs of
    weight 0 or less are never returned, so a weight of 0 forbids a pair. The
    matching is optimal, not greedy: O(n³) for n = max(rows, columns).
    """
    rows = len(weights)
    cols = max((len(r) for r in weights), default=0)
    n = max(rows, cols)
    if n == 0:
        return []
    # square cost table (minimise -weight); padding and forbidden pairs cost 0
    cost = [[0.0] * n for _ in range(n)]
    for i, row in enumerate(weights):
        for j, w in enumerate(row):
            if w > 0:
                cost[i][j] = -float(w)
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)  # p[j]: the row (1-based) matched to column j
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = []
    for j in range(1, n + 1):
        i = p[j] - 1
        c = j - 1
        if i < rows and c < len(weights[i]) and weights[i][c] > 0:
            pairs.append((i, c))
    return sorted(pairs)

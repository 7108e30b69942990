"""Exercises: grading a student's argument map against a teacher's key map.

>>> from argmap.exercises import align, grade
>>> canonical("子どもたちが行なう") == canonical("子供たちが行う")
True
"""

from __future__ import annotations

from argmap.exercises.grading import (
    SAME_ID_BONUS,
    THRESHOLD,
    WEIGHTS,
    Alignment,
    Grade,
    align,
    grade,
    similarity,
)
from argmap.exercises.matching import assignment, canonical

__all__ = [
    "SAME_ID_BONUS",
    "THRESHOLD",
    "WEIGHTS",
    "Alignment",
    "Grade",
    "align",
    "assignment",
    "canonical",
    "grade",
    "similarity",
]

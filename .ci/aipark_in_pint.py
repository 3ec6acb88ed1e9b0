"""pytest plugin: pint's test suite with aipark's registry class in place of pint's.

Loaded with ``-p aipark_in_pint`` before pint's tests are collected, it
replaces ``pint.UnitRegistry``, which pint's fixtures call and its test
modules import, by ``aipark.UnitRegistry``.  pint's application registry and
everything else stay stock.  See ``.ci/pint_suite.py``.
"""

import pint

import aipark.units

pint.UnitRegistry = aipark.units.UnitRegistry  # type: ignore[misc]

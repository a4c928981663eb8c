"""The seven KPIs of SPEC section 3, as pure functions over plain rows; no Qt.

``scan`` aggregates the interactions in SQLite (one statement of per-week segments;
millions of rows never reach Python), ``data`` reads the other records, and one module
per KPI turns them into its piece of the JSON object of SPEC section 4.
``abmdesk.services.kpis`` wires it all together.
"""

from abmdesk.kpi.inputs import KpiInputs, Params, Period

__all__ = ["KpiInputs", "Params", "Period"]

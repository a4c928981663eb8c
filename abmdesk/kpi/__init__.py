"""The seven KPIs of SPEC section 3, as pure functions over plain rows; no Qt.

``data`` loads the rows and the SQL aggregates (the million-row interaction scans are
aggregated in SQLite, never in Python); one module per KPI turns them into the JSON
pieces of SPEC section 4. ``abmdesk.services.kpis`` wires it all together.
"""

from abmdesk.kpi.inputs import KpiInputs, Period

__all__ = ["KpiInputs", "Period"]

"""The account map's org chart: layout, scene and cards, view, side panel, export."""

from abmdesk.ui.orgchart.pyside_guard import keep_none_alive

keep_none_alive()  # before the first card is painted (see pyside_guard)

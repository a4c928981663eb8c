"""The account map's org chart: layout, scene and cards, view, side panel, export."""

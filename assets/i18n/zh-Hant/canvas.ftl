# Canvas editing: views, panels, headers, zoom, cells.

"""The org chart window (Visa → Organisationsschema): the layout of exports/orgchart drawn in
a QGraphicsView, a branch at a time, with zoom, pan and export."""

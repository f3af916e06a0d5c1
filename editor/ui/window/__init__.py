"""The main window's frame: layout, actions, theme, settings and the shared workers."""

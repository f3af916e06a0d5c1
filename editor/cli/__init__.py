"""The ``byline`` command: every headless action, on the same services as the window."""

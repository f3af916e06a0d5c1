"""Use cases shared by the window and the command line. Each function takes the session of the
user action that calls it; none opens its own."""
